// The reports as a teacher reads them, on the item-analysis class of analytics-fixtures.ts (six learners,
// one quiz, figures worked out by hand there and in tests/integration/analytics-*.test.ts): every figure
// on the pages, the item-analysis indices, and the CSV each page downloads is the API's, byte for byte.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useSession } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { csvOf, monitorClass, type MonitorClass } from '../support/monitor-fixtures';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
/** The machine running the tests may be busy: give the page time to answer. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });
let browser: Browser;
let klass: MonitorClass;

beforeAll(async () => {
  browser = await launchChromium();
  klass = await monitorClass(appUrl);
});

afterAll(async () => {
  await browser?.close();
});

const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);

async function open(path: string, locale: 'en' | 'ar' = 'en', viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale });
  await useSession(context, klass.teacher.session, locale);
  const page = await context.newPage();
  await page.goto(appUrl + path);
  return page;
}

/** The table beside the chart, as rows of cell texts (header row first). */
async function table(page: Page, caption?: string): Promise<string[][]> {
  const region = caption ? page.getByRole('region', { name: caption }) : page.getByRole('region').last();
  await region.locator('tbody tr').first().waitFor();
  return region
    .locator('tr')
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!.trim())));
}

/** Clicks the page's CSV button and answers the file it saved, decoded as the API's answer is. */
async function downloaded(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync((await download.path())!));
}

const chartLabel = (page: Page) => page.getByRole('img').first().getAttribute('aria-label');

describe('the reports, against a class whose figures are known', () => {
  it('shows live enrollments on the reports page', async () => {
    const page = await open('/teach/analytics');
    await page.locator('[data-live=today]').waitFor();
    expect(await page.locator('[data-live=today]').textContent()).toBe('6');
    expect(await page.locator('[data-live=week]').textContent()).toBe('6');
    expect(await page.locator('[data-live=recent]').textContent()).toBe('6');
    await expectNoAxeViolations(page, 'reports (en)');
    await page.context().close();
  });

  it('completion: three of six finished, two under way, one not started; the CSV is the API’s', async () => {
    const page = await open('/teach/analytics/completion');
    const rows = await table(page);
    expect(rows[0]).toEqual([
      'Course',
      'Enrolled',
      'Completed',
      'In progress',
      'Not started',
      'Dropped',
      'Completion rate',
      'Average progress',
      'Median days to finish',
    ]);
    expect(rows[1]).toEqual([klass.course.title, '6', '3', '2', '1', '0', '50%', '67%', '0']);
    expect(rows.at(-1)).toEqual(['All courses', '6', '3', '2', '1', '0', '50%', '67%', '0']);
    expect(await chartLabel(page)).toBe(`Completion rates of one course; the highest is ${klass.course.title} at 50%.`);
    const csv = await downloaded(page);
    expect(csv).toBe(
      await csvOf(
        appUrl,
        `/api/analytics/completion?from=${day(89)}&to=${day(0)}&format=csv`,
        klass.teacher.session.jwt,
      ),
    );
    expect(csv.split('\r\n')[1]).toContain(',6,1,2,3,0,50,0,66.7,');
    await page.context().close();
  });

  it('engagement: six students active today, and this week', async () => {
    const page = await open('/teach/analytics/engagement');
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date());
    let rows = await table(page);
    expect(rows[1]!.slice(0, 2)).toEqual([today, '6']);
    expect(await chartLabel(page)).toContain(`the busiest was ${today} with 6.`);
    await page.getByLabel('Per week').check();
    await poll(async () => (await table(page)).length).toBeLessThan(7);
    rows = await table(page);
    expect(rows[1]![1]).toBe('6');
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const csv = await downloaded(page);
    expect(csv).toBe(
      await csvOf(
        appUrl,
        `/api/analytics/engagement?from=${day(29)}&to=${day(0)}&interval=week&format=csv`,
        klass.teacher.session.jwt,
      ),
    );
    expect(csv).toContain(`\r\n${monday.toISOString().slice(0, 10)},6,`);
    await page.context().close();
  });

  it('quiz performance and the item analysis of each question: facility, discrimination, most chosen wrong', async () => {
    const page = await open('/teach/analytics/quizzes');
    const rows = await table(page);
    // First attempts 75, 63, 50, 75, 25, 38: mean 54.3, median 50, two of six pass at 70.
    expect(rows[1]).toEqual(['Wudu check', klass.course.title, '6', '7', '54%', '50%', '33%']);
    await page.getByRole('link', { name: 'Wudu check' }).click();
    await page.waitForURL(`**/analytics/quizzes/${klass.quiz}`);
    const items = await table(page, 'Questions');
    expect(items.slice(1)).toEqual([
      ['1. Which prayer has two rakahs?', '6', '50%', '50%', '1.00', 'C (2, 33%)', '0'],
      ['2. Pick the obligatory acts', '6', '33%', '50%', '0.50', 'x (3, 50%)', '0'],
      ['3. Wudu is needed for salah', '6', '67%', '67%', '-0.50 · Check this question', 'false (2, 33%)', '0'],
      ['4. Where is the Kaaba?', '6', '50%', '50%', '1.00', 'madinah (2, 33%)', '0'],
    ]);
    expect(await page.getByText('6 attempts counted; thirds of 2.').count()).toBe(1);
    expect(await chartLabel(page)).toBe('Facility of 4 questions; the hardest is 2. Pick the obligatory acts at 33%.');
    const csv = await downloaded(page);
    expect(csv).toBe(
      await csvOf(
        appUrl,
        `/api/analytics/quizzes/${klass.quiz}/items?attempts=first&format=csv`,
        klass.teacher.session.jwt,
      ),
    );
    expect(csv.split('\r\n')[1]).toBe('1,Which prayer has two rakahs?,single_choice,6,50,50,1,C,33.3,0');
    await expectNoAxeViolations(page, 'item analysis (en)');
    await page.context().close();
  });

  it('content popularity and retention by enrollment week', async () => {
    const popularity = await open('/teach/analytics/popularity');
    expect((await table(popularity))[1]).toEqual([klass.course.title, '6', expect.stringMatching(/minutes?$/), '6']);
    await popularity.context().close();

    const retention = await open('/teach/analytics/retention');
    const rows = await table(retention, 'Retention by cohort');
    const cohort = rows.at(-1)!;
    expect(cohort.slice(1, 3)).toEqual(['6', '100%']);
    expect(cohort.slice(3)).toEqual(Array(7).fill('Not yet'));
    const csv = await downloaded(retention);
    expect(csv).toBe(
      await csvOf(
        appUrl,
        `/api/analytics/retention?from=${day(55)}&to=${day(0)}&weeks=8&format=csv`,
        klass.teacher.session.jwt,
      ),
    );
    await retention.context().close();
  });
});

describe('every report page in both languages, on a phone and a desktop', () => {
  const pages = [
    ['reports', '/teach/analytics', '[data-live=today]'],
    ['report-completion', '/teach/analytics/completion', 'tbody tr'],
    ['report-engagement', '/teach/analytics/engagement', 'tbody tr'],
    ['report-quizzes', '/teach/analytics/quizzes', 'tbody tr'],
    ['report-items', '/teach/analytics/quizzes/:quiz', 'tbody tr'],
    ['report-popularity', '/teach/analytics/popularity', 'tbody tr'],
    ['report-retention', '/teach/analytics/retention', 'tbody tr'],
  ] as const;
  for (const locale of ['en', 'ar'] as const) {
    it(`has no accessibility violations (${locale})`, { timeout: 240_000 }, async () => {
      for (const [name, path, ready] of pages) {
        for (const [viewport, size] of [
          [DESKTOP, 'desktop'],
          [PHONE, 'phone'],
        ] as const) {
          const page = await open(path.replace(':quiz', klass.quiz), locale, viewport);
          await page.locator(ready).first().waitFor();
          await expectNoAxeViolations(page, `${name} (${locale}, ${size})`);
          await screenshot(page, `${name}.${locale}.${size}`);
          if (locale === 'ar' && name === 'report-completion')
            expect((await table(page))[0]!.slice(0, 3)).toEqual(['الدورة', 'المسجّلون', 'أتمّوا']);
          await page.context().close();
        }
      }
    });
  }
});
