import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newLearner, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import arPlayer from '../../app/src/lib/i18n/books/player/ar';
import enPlayer from '../../app/src/lib/i18n/books/player/en';
import { CAPTION_CUES, makeLessonCourse, ORDER_ITEMS, type LessonCourse } from '../support/lesson-course';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
let browser: Browser;
let course: LessonCourse;
let learner: SignedIn;

beforeAll(async () => {
  browser = await launchChromium();
  course = await makeLessonCourse(appUrl, browser, { captions: true });
  learner = await newLearner(appUrl, course.title);
});

afterAll(async () => {
  await browser?.close();
});

/** A signed-in learner's page; service workers blocked, so every media request is seen as the page sends it. */
async function learnerPage(options: { locale?: 'en' | 'ar'; viewport?: typeof PHONE } = {}) {
  const context = await browser.newContext({
    viewport: options.viewport ?? PHONE,
    locale: options.locale ?? 'en',
    serviceWorkers: 'block',
  });
  await useSession(context, learner, options.locale ?? 'en');
  return { context, page: await context.newPage() };
}

async function openLesson(page: Page, lesson: { documentId: string; title: string }) {
  await page.goto(`${appUrl}/learn/lessons/${lesson.documentId}`);
  await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
}

async function serverCompletions(lesson: string) {
  const res = await fetch(`${appUrl}/api/user-progresses?filters[lesson][documentId][$eq]=${lesson}`, {
    headers: { authorization: `Bearer ${learner.jwt}` },
  });
  return ((await res.json()) as any).data.filter((p: { completed: boolean }) => p.completed);
}

const mediaState = (page: Page, selector: 'audio' | 'video') =>
  page.locator(selector).evaluate((m: HTMLMediaElement) => ({
    time: m.currentTime,
    paused: m.paused,
    rate: m.playbackRate,
    duration: m.duration,
    readyState: m.readyState,
  }));

describe('the lesson player', () => {
  it('sets an article’s verses and du‘a in Amiri, right to left', async () => {
    const { context, page } = await learnerPage();
    await openLesson(page, course.lessons.article);
    const verse = page.locator('.quran-verse');
    await verse.waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const look = await verse.evaluate((el) => ({
      family: getComputedStyle(el).fontFamily,
      direction: getComputedStyle(el).direction,
      amiriLoaded: [...document.fonts].some((f) => f.family.includes('Amiri') && f.status === 'loaded'),
    }));
    expect(look.family).toMatch(/^Amiri/);
    expect(look.direction).toBe('rtl');
    expect(look.amiriLoaded).toBe(true);
    expect(await page.locator('.dua').evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^Amiri/);
    // What the teacher wrote arrives as formatted text, not as markup shown to the learner.
    expect(await page.locator('article').textContent()).not.toContain('<p');
    await context.close();
  });

  it('plays a recording faster, and repeats a chosen part the chosen number of times, then pauses', async () => {
    const { context, page } = await learnerPage();
    await openLesson(page, course.lessons.audio);
    await expect.poll(() => mediaState(page, 'audio').then((s) => s.duration)).toBeGreaterThan(19);

    await page.getByLabel('Speed').selectOption('1.5');
    expect((await mediaState(page, 'audio')).rate).toBe(1.5);

    // Mark A at 2 s and B at 3.5 s with the learner's own controls (the slider, then the buttons).
    const seekTo = async (seconds: number) => {
      await page.getByRole('slider', { name: 'Position' }).fill(String(seconds));
      await expect.poll(() => mediaState(page, 'audio').then((s) => Math.abs(s.time - seconds))).toBeLessThan(0.2);
    };
    await seekTo(2);
    await page.getByRole('button', { name: 'A · Start here' }).click();
    await seekTo(3.5);
    await page.getByRole('button', { name: 'B · End here' }).click();
    await page.getByLabel('Times').fill('3');
    await page.getByLabel('Times').press('Tab');
    expect(await page.getByTestId('repeat-stretch').textContent()).toContain('0:02');
    expect(await page.getByRole('checkbox', { name: 'Repeat this part' }).isChecked()).toBe(true);

    // Count the jumps back to A the player makes.
    await page.locator('audio').evaluate((m: HTMLMediaElement) => {
      (window as any).jumps = [];
      m.addEventListener('seeked', () => (window as any).jumps.push(m.currentTime));
    });
    const started = Date.now();
    await page.getByRole('button', { name: 'Play' }).click();
    const status = page.getByTestId('repeat-status');
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('Played 3 times');
    const elapsed = (Date.now() - started) / 1000;
    const end = await mediaState(page, 'audio');
    expect(end.paused).toBe(true);
    expect(Math.abs(end.time - 3.5)).toBeLessThan(0.3);
    const jumps = (await page.evaluate(() => (window as any).jumps)) as number[];
    // From 3.5 (outside the part) to A, then back to A twice more, then to B when it pauses.
    expect(jumps.filter((t) => Math.abs(t - 2) < 0.1)).toHaveLength(3);
    // Three passes of 1.5 s at 1.5× take about 3 s (not 4.5 s at normal speed).
    expect(elapsed).toBeGreaterThan(2.5);
    expect(elapsed).toBeLessThan(4.4);
    await expectNoAxeViolations(page, 'audio lesson');
    await context.close();
  });

  it('streams a video by byte ranges and seeks without downloading all of it', async () => {
    const { context, page } = await learnerPage();
    const media: { status: number; range: string | undefined; contentRange: string | undefined }[] = [];
    page.on('response', (response) => {
      if (!response.url().endsWith(course.media.video)) return;
      media.push({
        status: response.status(),
        range: response.request().headers().range,
        contentRange: response.headers()['content-range'],
      });
    });
    await openLesson(page, course.lessons.video);
    await expect.poll(() => mediaState(page, 'video').then((s) => s.duration)).toBeGreaterThan(19);
    const slider = page.getByRole('slider', { name: 'Position' });
    await slider.fill('17');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => mediaState(page, 'video').then((s) => s.time), { timeout: 10_000 }).toBeGreaterThan(17.3);
    expect(media.length).toBeGreaterThan(0);
    expect(media.every((m) => m.status === 206 && m.range?.startsWith('bytes='))).toBe(true);
    const starts = media.map((m) => Number(/bytes (\d+)-/.exec(m.contentRange ?? '')?.[1]));
    // The seek to 17 s asked for a range that starts well into the file.
    expect(Math.max(...starts)).toBeGreaterThan(1_000_000);
    await page.getByRole('button', { name: 'Pause' }).click();
    await context.close();
  });

  it('shows the video’s captions in the page’s language, and a button turns them off and on again', async () => {
    for (const locale of ['en', 'ar'] as const) {
      const { context, page } = await learnerPage({ locale });
      await openLesson(page, course.lessons.video);
      const tracks = () =>
        page.locator('video').evaluate((v: HTMLVideoElement) =>
          Array.from(v.textTracks, (t) => ({
            language: t.language,
            kind: t.kind,
            label: t.label,
            mode: t.mode,
            first: (t.cues?.[0] as VTTCue | undefined)?.text ?? null,
          })).sort((a, b) => a.language.localeCompare(b.language)),
        );
      // Both files are tracks; the one in the page's language shows, and its cues come from the WebVTT file.
      await expect
        .poll(async () => (await tracks()).find((t) => t.language === locale)?.first, { timeout: 10_000 })
        .toBe(CAPTION_CUES[locale][0]);
      const [other, otherLabel] = locale === 'en' ? ['ar', 'Arabic'] : ['en', 'الإنجليزية'];
      expect(await tracks()).toEqual([
        expect.objectContaining({ language: 'ar', kind: 'captions', mode: locale === 'ar' ? 'showing' : 'disabled' }),
        expect.objectContaining({ language: 'en', kind: 'captions', mode: locale === 'en' ? 'showing' : 'disabled' }),
      ]);
      expect((await tracks()).find((t) => t.language === other)?.label).toBe(otherLabel);

      const toggle = page.getByRole('button', { name: (locale === 'en' ? enPlayer : arPlayer).player.captions });
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      const box = (await toggle.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
      await toggle.click();
      await expect.poll(async () => (await tracks()).map((t) => t.mode)).toEqual(['disabled', 'disabled']);
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await tracks()).find((t) => t.language === locale)?.mode).toBe('showing');
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await expectNoAxeViolations(page, `video with captions (${locale})`);
      await screenshot(page, `lesson-video-captions.${locale}.phone`);
      await context.close();
    }
  });

  it('shows a recording’s captions as a line under the player while it plays', async () => {
    const { context, page } = await learnerPage();
    await openLesson(page, course.lessons.audio);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => page.getByTestId('caption-cue').textContent(), { timeout: 10_000 })
      .toBe(CAPTION_CUES.en[0]);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: enPlayer.player.captions }).click();
    expect(await page.getByTestId('caption-cue').count()).toBe(0);
    await context.close();
  });

  it('puts items in order with the keyboard alone, and completes the lesson', async () => {
    const { context, page } = await learnerPage();
    await openLesson(page, course.lessons.order);
    const items = page.getByTestId('order-item');
    const texts = async () => (await items.locator('.text').allTextContents()).map((t) => t.trim());
    // Tab to the first item, then sort: bring each right item up with Alt+ArrowUp.
    await page.getByRole('heading', { name: 'Put in order' }).waitFor();
    for (let target = 0; target < ORDER_ITEMS.length; target++) {
      const current = (await texts()).indexOf(ORDER_ITEMS[target]!);
      await items.nth(current).locator('.item').focus();
      for (let i = current; i > target; i--) await page.keyboard.press('Alt+ArrowUp');
      // Focus stays with the moved item.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(ORDER_ITEMS[target]);
    }
    expect(await texts()).toEqual(ORDER_ITEMS);
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    for (let i = 0; i < 6 && (await focused()) !== 'Check my order'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('Check my order');
    await page.keyboard.press('Enter');
    await page.getByText('Well done! You finished the activity.').waitFor();
    const state = page.getByTestId('lesson-state');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    expect(await serverCompletions(course.lessons.order.documentId)).toHaveLength(1);
    await context.close();
  });

  it('goes through flashcards with the keyboard: Space turns, K knows, A sends a card back', async () => {
    const { context, page } = await learnerPage();
    await openLesson(page, course.lessons.flashcards);
    const card = page.getByTestId('flashcard');
    await card.focus();
    await page.keyboard.press('Space');
    expect(await card.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('a'); // the first card comes back at the end
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('k');
    }
    await page.getByText('Well done! You finished the activity.').waitFor();
    const state = page.getByTestId('lesson-state');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    expect(await serverCompletions(course.lessons.flashcards.documentId)).toHaveLength(1);
    await context.close();
  });

  it('passes axe in English and Arabic, on phones and desktops, for every lesson type', async () => {
    for (const locale of ['en', 'ar'] as const) {
      for (const [size, viewport] of [
        ['phone', PHONE],
        ['desktop', DESKTOP],
      ] as const) {
        const { context, page } = await learnerPage({ locale, viewport });
        for (const [name, lesson] of Object.entries(course.lessons)) {
          await page.goto(`${appUrl}/learn/lessons/${lesson.documentId}`);
          await page.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
          if (name === 'audio' || name === 'video')
            await expect.poll(() => mediaState(page, name).then((s) => s.readyState)).toBeGreaterThan(0);
          if (size === 'phone') await expectNoAxeViolations(page, `${name} lesson (${locale})`);
          await screenshot(page, `lesson-${name}.${locale}.${size}`);
        }
        if (locale === 'ar') expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        await context.close();
      }
    }
  });
});
