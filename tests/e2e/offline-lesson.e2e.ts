import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../scripts/paths';
import { findCourse, newLearner, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { CAPTION_CUES, makeLessonCourse, type LessonCourse } from '../support/lesson-course';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
let browser: Browser;
let course: LessonCourse;
let other: LessonCourse;
let learner: SignedIn;

beforeAll(async () => {
  browser = await launchChromium();
  course = await makeLessonCourse(appUrl, browser, { videoSeconds: 6, captions: true });
  other = await makeLessonCourse(appUrl, browser, {
    title: `Not downloaded ${Date.now().toString(36)}`,
    videoSeconds: 2,
  });
  learner = await newLearner(appUrl, course.title);
  const res = await fetch(`${appUrl}/api/course-enrollments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${learner.jwt}` },
    body: JSON.stringify({ data: { course: other.documentId } }),
  });
  expect(res.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
});

const downloadOf = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ hasText: title }).getByTestId('course-download');

const audioState = (page: Page) =>
  page
    .locator('audio')
    .evaluate((m: HTMLMediaElement) => ({ time: m.currentTime, paused: m.paused, duration: m.duration }));

/** Milliseconds from the lesson page starting to the lesson being usable, as the page measured it. */
const openToReady = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('lesson:open-to-ready')[0]?.duration ?? null);

describe('a downloaded course offline', () => {
  it('downloads from the downloads page, opens and seeks a downloaded lesson offline, and frees it again', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    await useSession(context, learner);
    const page = await context.newPage();
    await page.goto(appUrl + '/learn/downloads');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // Download the course: the bar fills, the size and the space left show.
    const download = downloadOf(page, course.title);
    await download.getByRole('button', { name: 'Download for offline' }).click();
    await expect.poll(() => download.getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');
    expect(await download.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    const facts = await download.textContent();
    // The recording, the video and its two caption files.
    expect(facts).toMatch(/4 files.*Size: [\d.]+ MB/);
    expect(await page.getByTestId('storage-left').textContent()).toMatch(
      /Space left on this phone for the app: [\d,.]+ MB/,
    );
    expect(await downloadOf(page, other.title).getAttribute('data-state')).toBe('none');
    await expectNoAxeViolations(page, 'downloads');
    await screenshot(page, 'downloads.en.phone');

    await context.setOffline(true);
    await page.reload();
    await downloadOf(page, course.title).waitFor();

    // A downloaded lesson opens offline: a click from the downloads page to its first lesson.
    const timings: Record<string, number> = {};
    await page.evaluate(() => performance.mark('test:click'));
    await page
      .getByRole('listitem')
      .filter({ hasText: course.title })
      .getByRole('link', { name: 'Open the course' })
      .click();
    await page.getByRole('heading', { level: 1, name: course.lessons.article.title }).waitFor();
    await expect.poll(() => openToReady(page)).not.toBeNull();
    timings.articleClickToReady = await page.evaluate(
      () =>
        performance.getEntriesByName('lesson:ready')[0]!.startTime -
        performance.getEntriesByName('test:click')[0]!.startTime,
    );
    timings.articleOpenToReady = (await openToReady(page))!;

    // The recording: loaded from the phone, played, and sought (byte ranges answered by the service worker).
    await page.goto(`${appUrl}/learn/lessons/${course.lessons.audio.documentId}`);
    await page.getByRole('heading', { level: 1, name: course.lessons.audio.title }).waitFor();
    await expect.poll(() => openToReady(page)).not.toBeNull();
    timings.audioOpenToReady = (await openToReady(page))!;
    timings.audioNavigationToReady = await page.evaluate(
      () => performance.getEntriesByName('lesson:ready')[0]!.startTime,
    );
    expect(await page.getByTestId('media-not-downloaded').count()).toBe(0);
    await expect.poll(() => audioState(page).then((s) => s.duration)).toBeGreaterThan(19);
    // The recording's metadata, read from the phone through the service worker.
    timings.audioOpenToMetadata = await page.evaluate(
      () =>
        performance.getEntriesByName('lesson:media-ready')[0]!.startTime -
        performance.getEntriesByName('lesson:open')[0]!.startTime,
    );
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => audioState(page).then((s) => s.time), { timeout: 10_000 }).toBeGreaterThan(0.3);
    await page.getByRole('button', { name: 'Forward 5 seconds' }).click();
    await expect.poll(() => audioState(page).then((s) => s.time), { timeout: 10_000 }).toBeGreaterThan(5.5);
    expect((await audioState(page)).paused).toBe(false);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expectNoAxeViolations(page, 'audio lesson offline');
    await screenshot(page, 'lesson-audio-offline.en.phone');

    // The video's captions came down with it: offline, the track in the page's language shows its cues.
    await page.goto(`${appUrl}/learn/lessons/${course.lessons.video.documentId}`);
    await page.getByRole('heading', { level: 1, name: course.lessons.video.title }).waitFor();
    const shownCues = () =>
      page.locator('video').evaluate((v: HTMLVideoElement) =>
        Array.from(v.textTracks)
          .filter((t) => t.mode === 'showing')
          .map((t) => Array.from(t.cues ?? [], (c) => (c as VTTCue).text)),
      );
    await expect.poll(shownCues, { timeout: 10_000 }).toEqual([[...CAPTION_CUES.en]]);
    expect(await page.locator('video track').count()).toBe(2);

    // The other course was not downloaded: its recording says so instead of failing.
    await page.goto(`${appUrl}/learn/lessons/${other.lessons.audio.documentId}`);
    const missing = page.getByTestId('media-not-downloaded');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('The recording of this lesson is not on this phone');
    await expectNoAxeViolations(page, 'lesson not downloaded');
    await screenshot(page, 'lesson-not-downloaded.en.phone');
    // A lesson of a course the learner does not have on the phone at all.
    const elsewhere = (await findCourse(appUrl, 'Forty Hadith of Imam an-Nawawi')).lessons[0]!;
    await page.goto(`${appUrl}/learn/lessons/${elsewhere.documentId}`);
    expect(await page.getByTestId('lesson-not-downloaded').textContent()).toContain('This lesson is not downloaded');

    // Removing the download frees the files. (Completing a lesson offline and sending it once:
    // offline-course.e2e.ts.)
    await context.setOffline(false);
    await page.goto(appUrl + '/learn/downloads');
    page.once('dialog', (dialog) => void dialog.accept());
    await downloadOf(page, course.title).getByRole('button', { name: 'Remove download' }).click();
    await expect.poll(() => downloadOf(page, course.title).getAttribute('data-state')).toBe('none');
    expect(await page.evaluate((url) => caches.match(url).then((r) => r === undefined), course.media.audio)).toBe(true);

    const figures = { ...timings, measuredAt: new Date().toISOString() };
    console.log('lesson opening offline (ms):', JSON.stringify(figures));
    mkdirSync(join(projectRoot, 'test-results'), { recursive: true });
    writeFileSync(join(projectRoot, 'test-results/lesson-open-offline.json'), JSON.stringify(figures, null, 2));
    expect(timings.articleOpenToReady).toBeLessThan(200);
    expect(timings.audioOpenToReady).toBeLessThan(200);
    await context.close();
  });

  it('shows the downloads page in Arabic, right to left, on phones and desktops', async () => {
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      for (const locale of ['ar', 'en'] as const) {
        if (size === 'phone' && locale === 'en') continue; // taken above
        const context = await browser.newContext({ viewport, locale, serviceWorkers: 'block' });
        await useSession(context, learner, locale);
        const page = await context.newPage();
        await page.goto(appUrl + '/learn/downloads');
        await downloadOf(page, course.title).getByRole('button').first().waitFor();
        if (locale === 'ar') {
          expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('التنزيلات');
          await expectNoAxeViolations(page, `downloads (ar, ${size})`);
        }
        await screenshot(page, `downloads.${locale}.${size}`);
        await context.close();
      }
    }
  });
});
