// A student's way through the learner pages: sign in, browse the catalog (a filter and a search), meet a
// course whose prerequisite is missing, enroll in another, complete its article, and find the progress,
// streak, points, badge and certificate on the home and achievements pages. Every page is checked with
// axe and photographed on a phone and a desktop, in English and Arabic.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { findCourse, newLearner, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
const LEARNER_PASSWORD = 'a-long-test-password';
// Two lessons (an article and an audio) and no prerequisite: finishing it earns "First steps".
const COURSE = 'Arabic Letters and Islamic Manners';
const PREREQUISITE = 'Fiqh of Purification and Prayer';

let browser: Browser;
let learner: SignedIn;
let blocked: { documentId: string; title: string };
let course: Awaited<ReturnType<typeof findCourse>>;

async function call(path: string, init: { token?: string; body?: unknown } = {}) {
  const res = await fetch(appUrl + path, {
    method: init.body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A published course that needs the demo fiqh course first, with two lessons, the second locked. */
async function courseWithPrerequisite() {
  const teacher = (await call('/api/auth/local', { body: { identifier: 'teacher.amina', password: DEMO_PASSWORD } }))
    .jwt;
  const fiqh = await findCourse(appUrl, PREREQUISITE);
  const title = `Prayer in depth ${Date.now().toString(36)}`;
  const created = await call('/api/courses', {
    token: teacher,
    body: {
      data: {
        title,
        description: 'The conditions, pillars and sunnah acts of the prayer.',
        category: 'fiqh',
        ageTier: 'adults',
        difficulty: 'intermediate',
        isPublished: true,
        prerequisites: [fiqh.documentId],
      },
    },
  });
  for (const [order, isLocked] of [
    [1, false],
    [2, true],
  ] as const) {
    await call('/api/lessons', {
      token: teacher,
      body: { data: { title: `Part ${order}`, order, isLocked, type: 'article', course: created.data.documentId } },
    });
  }
  return { documentId: created.data.documentId as string, title };
}

beforeAll(async () => {
  browser = await launchChromium();
  learner = await newLearner(appUrl);
  blocked = await courseWithPrerequisite();
  course = await findCourse(appUrl, COURSE);
});

afterAll(async () => {
  await browser?.close();
});

/** Waits for the page's content; on a timeout the error says what the page showed instead. */
async function ready(page: Page, testId: string) {
  try {
    await page.getByTestId(testId).first().waitFor({ timeout: 30_000 });
  } catch (error) {
    const shown = await page
      .locator('main')
      .innerText()
      .catch(() => '(no main)');
    throw new Error(`${page.url()}: no ${testId}; the page showed: ${shown}`, { cause: error });
  }
}

const catalogCount = (page: Page) => page.getByTestId('catalog-count').textContent();

describe('the learner pages', () => {
  it('a student finds a course, enrolls, completes a lesson and sees progress, streak, points and a badge', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'en' });
    const page = await context.newPage();

    // Signs in with the form and lands on the learner home, with nothing to continue yet.
    await page.goto(`${appUrl}/sign-in`);
    await page.getByLabel('Username or e-mail').fill(learner.user.username);
    await page.getByLabel('Password', { exact: true }).fill(LEARNER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${appUrl}/learn`);
    await page.getByText('You are not enrolled in a course yet.').waitFor();
    await expectNoAxeViolations(page, 'learner home, empty (en)');

    // The catalog: a subject filter, then a search narrowing it to one course.
    await page.getByRole('link', { name: 'Courses' }).first().click();
    await page.getByRole('heading', { name: 'Find a course' }).waitFor();
    await expect.poll(() => page.getByTestId('catalog-course').count(), { timeout: 15_000 }).toBeGreaterThan(4);
    await expectNoAxeViolations(page, 'catalog (en)');
    await page.getByLabel('Subject').selectOption('fiqh');
    await page.waitForURL(/category=fiqh/);
    const fiqh = (await call('/api/courses?filters[category][$eq]=fiqh&filters[isPublished][$eq]=true')).data.length;
    await expect.poll(() => catalogCount(page), { timeout: 15_000 }).toBe(`${fiqh} courses`);
    const fiqhTitles = await page.getByTestId('catalog-course').locator('h2').allTextContents();
    expect(fiqhTitles).toContain(PREREQUISITE);
    expect(fiqhTitles).toContain(blocked.title);
    expect(fiqhTitles).not.toContain(COURSE);
    await page.getByRole('searchbox', { name: 'Search courses' }).fill(blocked.title);
    await expect.poll(() => catalogCount(page), { timeout: 15_000 }).toBe('One course');
    expect(new URL(page.url()).searchParams.get('q')).toBe(blocked.title);

    // A course whose prerequisite is missing says so and cannot be joined.
    await page.getByRole('link', { name: blocked.title }).click();
    await page.getByRole('heading', { name: blocked.title }).waitFor();
    const prerequisites = page.getByTestId('prerequisites');
    await prerequisites.waitFor();
    expect(await prerequisites.getAttribute('data-missing')).toBe('1');
    expect(await prerequisites.textContent()).toContain(PREREQUISITE);
    expect(await prerequisites.textContent()).toContain('Not completed yet');
    expect(await page.getByRole('button', { name: 'Enroll' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('course-lesson').nth(1).getAttribute('data-state')).toBe('locked');
    await expectNoAxeViolations(page, 'course with a missing prerequisite (en)');

    // Another course: found by search, opened, joined.
    await page.getByRole('link', { name: 'All courses' }).click();
    await page.getByRole('searchbox', { name: 'Search courses' }).fill('manners');
    await expect.poll(() => catalogCount(page), { timeout: 15_000 }).toBe('One course');
    await page.getByRole('link', { name: COURSE }).click();
    await page.getByRole('button', { name: 'Enroll' }).click();
    await page.getByText('You are enrolled. Start with the first lesson!').waitFor();
    await expectNoAxeViolations(page, 'course after enrolling (en)');

    // The audio lesson was listened to on another phone (its completion reached the server already);
    // the article is completed here, which finishes the course.
    const audio = course.lessons.find((l) => l.title === 'The alphabet song')!;
    await call('/api/user-progresses/batch', {
      token: learner.jwt,
      body: { data: [{ eventId: crypto.randomUUID(), lesson: audio.documentId, completed: true, timeSpent: 120 }] },
    });
    await page.reload();
    await page.getByRole('link', { name: 'Du‘a before eating' }).click();
    await page.waitForURL(/\/learn\/lessons\//);
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await expect
      .poll(() => page.getByTestId('lesson-state').getAttribute('data-state'), { timeout: 20_000 })
      .toBe('sent');

    // Home: the course is done, today counts for the streak, and the badge's points are there.
    await page.goto(`${appUrl}/learn`);
    await page.getByTestId('course-card').waitFor();
    expect(await page.getByTestId('course-card').getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('streak').getAttribute('data-days')).toBe('1');
    expect(await page.getByTestId('streak').textContent()).toContain('Today counts');
    expect(Number(await page.getByTestId('points').getAttribute('data-points'))).toBeGreaterThanOrEqual(10);
    expect(await page.getByTestId('new-badge').allTextContents()).toEqual([expect.stringContaining('First steps')]);
    await expectNoAxeViolations(page, 'learner home with progress (en)');

    // Achievements: the badge earned, the others with their progress, and the course's certificate.
    await page.getByRole('link', { name: 'Badges' }).first().click();
    const earned = page.locator('[data-testid="badge"][data-earned="true"]');
    await earned.first().waitFor({ timeout: 15_000 });
    expect(await earned.locator('h3').allTextContents()).toEqual(['First steps']);
    expect(await page.getByTestId('certificate').textContent()).toContain(COURSE);
    await page.getByTestId('leaderboard').waitFor();
    await expectNoAxeViolations(page, 'achievements (en)');

    // Sharing the verification link: no share sheet in headless Chromium, so the link is copied.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appUrl });
    await page.getByRole('button', { name: 'Share the verification link' }).click();
    await page.getByText('Link copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`^${appUrl}/verify/[A-Za-z0-9]{32}$`));

    // Opening the PDF: fetched with the learner's token and shown in a new tab.
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open the certificate' }).click(),
    ]);
    await expect.poll(() => tab.url(), { timeout: 15_000 }).toMatch(/^blob:/);
    await context.close();
  });

  const pages = () => [
    { name: 'learner-home', path: '/learn', ready: 'streak', words: { en: 'New badges', ar: 'أوسمة جديدة' } },
    {
      name: 'catalog',
      path: '/learn/courses',
      ready: 'catalog-course',
      words: { en: 'Age group', ar: 'الفئة العمرية' },
    },
    {
      name: 'course',
      path: `/learn/courses/${course.documentId}`,
      ready: 'course-lesson',
      words: { en: 'Your teacher', ar: 'معلّمك' },
    },
    {
      name: 'course-prerequisite',
      path: `/learn/courses/${blocked.documentId}`,
      ready: 'prerequisites',
      words: { en: 'Before this course', ar: 'قبل هذه الدورة' },
    },
    {
      name: 'achievements',
      path: '/learn/achievements',
      ready: 'badge',
      words: { en: 'Certificates', ar: 'الشهادات' },
    },
  ];
  for (const locale of ['en', 'ar']) {
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      it(`every learner page passes axe and is photographed (${locale}, ${size})`, async () => {
        const context = await browser.newContext({ viewport, locale });
        await useSession(context, learner, locale);
        const page = await context.newPage();
        for (const target of pages()) {
          await page.goto(appUrl + target.path);
          await ready(page, target.ready);
          expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
          // The page's own words came in the page's language (its book loaded after the language was set).
          expect(await page.locator('main').innerText()).toContain(target.words[locale as 'en' | 'ar']);
          // Nothing wider than the screen: a phone never scrolls sideways.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
          await expectNoAxeViolations(page, `${target.name} (${locale}, ${size})`);
          await screenshot(page, `${target.name}.${locale}.${size}`);
        }
        await context.close();
      });
    }
  }
});
