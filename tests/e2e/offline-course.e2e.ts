import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pillarsQuiz } from '../../db/seed/demo-content';
import { newLearner, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { makeLessonCourse, type LessonCourse } from '../support/lesson-course';
import { closeMidSync } from '../support/mid-sync';
import { learnerCall, QUIZ_WORDS, serverAttempts, takeQuiz } from '../support/quiz-taking';
import { PHONE, screenshot } from '../support/screenshots';

// Issue 8's offline promise as ONE flow, in the order a student clicks through it: download a course on its
// page, lose the connection, reload, open the downloaded lesson and play its recording, complete it, take the
// course's quiz, close the app while the outbox is sending, come back online. The school must then hold
// exactly one completion per lesson and one graded attempt. (The downloads page, opening times and media
// not on the phone: offline-lesson.e2e.ts; the quiz player online: quiz-player.e2e.ts.)
const appUrl = inject('appUrl');
const m = QUIZ_WORDS.en;
let browser: Browser;
let course: LessonCourse;
let learner: SignedIn;

beforeAll(async () => {
  browser = await launchChromium();
  course = await makeLessonCourse(appUrl, browser, { videoSeconds: 2, quiz: true });
  learner = await newLearner(appUrl, course.title);
});

afterAll(async () => {
  await browser?.close();
});

const audioState = (page: Page) =>
  page.locator('audio').evaluate((a: HTMLMediaElement) => ({
    time: a.currentTime,
    paused: a.paused,
    readyState: a.readyState,
    error: a.error?.code ?? null,
  }));

const lessonLink = (page: Page, title: string) =>
  page.getByTestId('course-lesson').getByRole('link', { name: title, exact: true });

describe('a course taken offline from start to finish', () => {
  it('downloads, plays, completes and takes the quiz offline; a page closed mid-sync leaves one of each on the server', async () => {
    const quizLesson = course.lessons.quiz!;
    const context = await browser.newContext({ viewport: PHONE });
    const attemptsSent: string[] = [];
    context.on('request', (r) => r.url().endsWith('/offline-attempts') && attemptsSent.push(r.postData() ?? ''));
    await useSession(context, learner);

    // Online, on the course page: the app installs (the service worker controls the page after a reload).
    const page = await context.newPage();
    await page.goto(`${appUrl}/learn/courses/${course.documentId}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // "Download for offline" on the course page.
    const download = page.getByTestId('course-download');
    await download.getByRole('button', { name: 'Download for offline' }).click();
    await expect.poll(() => download.getAttribute('data-state'), { timeout: 30_000 }).toBe('complete');

    // No connection; the app is reloaded and the course page still opens, from the phone.
    await context.setOffline(true);
    const recording: boolean[] = [];
    context.on('response', (r) => r.url().endsWith(course.media.audio) && recording.push(r.fromServiceWorker()));
    await page.reload();
    await lessonLink(page, course.lessons.audio.title).click();
    await page.getByRole('heading', { level: 1, name: course.lessons.audio.title }).waitFor();

    // The recording plays from the downloaded copy: data is decoded and the clock moves.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => audioState(page).then((s) => s.time), { timeout: 10_000 }).toBeGreaterThan(0.5);
    const playing = await audioState(page);
    expect(playing).toMatchObject({ paused: false, error: null });
    expect(playing.readyState).toBeGreaterThanOrEqual(2); // HAVE_CURRENT_DATA
    // Every byte of it came from the service worker's copy.
    expect(recording.length).toBeGreaterThan(0);
    expect(recording.every(Boolean)).toBe(true);
    await page.getByRole('button', { name: 'Pause' }).click();

    await page.getByRole('button', { name: 'Mark as complete' }).click();
    const lessonState = page.getByTestId('lesson-state');
    await expect.poll(() => lessonState.getAttribute('data-state'), { timeout: 10_000 }).toBe('pending');

    // Back to the course, and into its quiz, taken from the phone's copy.
    await page.goBack();
    await lessonLink(page, quizLesson.title).click();
    await page.getByText(m.offlineIntro).waitFor();
    await expectNoAxeViolations(page, 'quiz start offline');
    await takeQuiz(page, 'en', 'offline.en.phone');
    const attemptState = page.getByTestId('offline-attempt');
    await expect.poll(() => attemptState.getAttribute('data-state'), { timeout: 10_000 }).toBe('pending');
    expect(await attemptState.textContent()).toContain(m.savedTitle);
    await expectNoAxeViolations(page, 'quiz saved on the phone');
    await screenshot(page, 'quiz-saved-offline.en.phone');

    // The list of work on this phone names both, waiting; nothing has reached the school.
    await page.getByRole('link', { name: 'Account' }).click();
    const waiting = page.getByTestId('outbox-item');
    const itemState = (text: string) => waiting.filter({ hasText: text }).getAttribute('data-state');
    await expect
      .poll(() => itemState(`Completed “${course.lessons.audio.title}”`), { timeout: 10_000 })
      .toBe('pending');
    expect(await itemState(`Answers to “${pillarsQuiz.title}”`)).toBe('pending');
    expect(attemptsSent).toEqual([]);
    expect(await serverCompletions()).toEqual([]);

    // Back online, the outbox sends in order: the completion, then the attempt. The server grades the
    // attempt, but the page is closed before its answer arrives.
    await closeMidSync(context, page, '**/offline-attempts');

    // The app opens again online: the attempt still waits, is sent again, and the school answers the same one.
    const again = await context.newPage();
    await again.goto(`${appUrl}/learn/lessons/${quizLesson.documentId}`);
    const item = again.getByTestId('offline-attempt');
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    await again.getByTestId('quiz-results').waitFor();
    expect(await again.getByTestId('quiz-score').textContent()).toBe(m.score({ score: 67 }));
    expect(await again.getByTestId('quiz-results').textContent()).toContain(m.takenOffline);
    await expectNoAxeViolations(again, 'quiz graded after going back online');
    await screenshot(again, 'quiz-results-offline.en.phone');
    await again.getByRole('link', { name: 'Account' }).click();
    const listed = again.getByTestId('outbox-item');
    await expect
      .poll(() => listed.filter({ hasText: `Answers to “${pillarsQuiz.title}”` }).getAttribute('data-state'))
      .toBe('sent');
    expect(await listed.evaluateAll((items) => items.map((i) => i.getAttribute('data-state')))).not.toContain(
      'pending',
    );

    // What the school holds: one completion per completed lesson, one graded attempt, marked offline.
    expect(attemptsSent).toHaveLength(2);
    const clientId = JSON.parse(attemptsSent[0]!).data.clientId as string;
    expect(JSON.parse(attemptsSent[1]!).data.clientId).toBe(clientId);
    const completions = await serverCompletions();
    expect(completions.filter((lesson) => lesson === course.lessons.audio.documentId)).toHaveLength(1);
    expect(new Set(completions).size).toBe(completions.length);
    const held = await serverAttempts(appUrl, learner, quizLesson.documentId);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ offline: true, score: 67, passed: true, clientId });
    expect(held[0].submittedAt).not.toBeNull();
    await context.close();
  });
});

/** The lessons of the course the server holds a completion of, once per completion record. */
async function serverCompletions(): Promise<string[]> {
  const { data } = await learnerCall(
    appUrl,
    learner,
    `/user-progresses?filters[lesson][course][documentId][$eq]=${course.documentId}&filters[completed][$eq]=true` +
      '&populate[lesson][fields][0]=documentId&pagination[pageSize]=100',
  );
  return (data as { lesson: { documentId: string } }[]).map((p) => p.lesson.documentId);
}
