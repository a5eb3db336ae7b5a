import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findCourse, newLearner, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { learnerCall, QUIZ_WORDS, serverAttempts, takeQuiz } from '../support/quiz-taking';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

// The quiz player online, with the server's attempt and clock. The demo quizzes hold every question type
// between them. Offline (the phone's copy, the outbox, a page closed mid-sync): offline-course.e2e.ts.
const appUrl = inject('appUrl');
const JUZ_AMMA = 'Reading Juz ‘Amma with Tajweed'; // "Al-Fatiha check": single choice, true/false, short answer
const FIQH = 'Fiqh of Purification and Prayer'; // "The five pillars": multiple choice, ordering
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const call = (learner: SignedIn, path: string, body?: unknown) => learnerCall(appUrl, learner, path, body);

/** The Al-Fatiha check is the course's last lesson, locked until the ones before it are done. */
async function unlockFatihaQuiz(learner: SignedIn) {
  const { lessons } = await findCourse(appUrl, JUZ_AMMA);
  for (const lesson of lessons.slice(0, -1)) {
    await call(learner, '/user-progresses', {
      data: { eventId: crypto.randomUUID(), lesson: lesson.documentId, completed: true },
    });
  }
  return lessons.at(-1)!;
}

async function quizLesson(course: string) {
  return (await findCourse(appUrl, course)).lessons.find((l) => /check|pillars/.test(l.title))!;
}

async function openQuiz(context: BrowserContext, lesson: { documentId: string; title: string }) {
  const page = await context.newPage();
  const answers: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/lessons/'))
      answers.push(`${r.status()} ${r.url()} ${JSON.stringify(r.headers())} from SW: ${r.fromServiceWorker()}`);
  });
  await page.goto(`${appUrl}/learn/lessons/${lesson.documentId}`);
  try {
    await page.getByRole('heading', { name: lesson.title, level: 1 }).waitFor();
    await page.getByTestId('quiz-start').waitFor();
  } catch (error) {
    await screenshot(page, `quiz-failed-to-open`);
    throw new Error(`${String(error)}\n${await page.locator('main').textContent()}\n${answers.join('\n')}`);
  }
  return page;
}

describe('the quiz player', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`online (${lang}): every question type, the server's clock, results with feedback`, async () => {
      const m = QUIZ_WORDS[lang];
      const learner = await newLearner(appUrl, JUZ_AMMA);
      await call(learner, '/course-enrollments', { data: { course: (await findCourse(appUrl, FIQH)).documentId } });
      const fatiha = await unlockFatihaQuiz(learner);
      const context = await browser.newContext({ viewport: PHONE, locale: lang });
      await useSession(context, learner, lang);

      // Timed and shuffled, on a phone: one question per screen, the clock counting down.
      const page = await openQuiz(context, fatiha);
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await expectNoAxeViolations(page, `quiz start (${lang})`);
      const clock = await takeQuiz(page, lang, `${lang}.phone`, lang === 'en');
      // Ten minutes from the server's start, counting down.
      expect(clock).toMatch(/(10:00|9:[0-5]\d)/);
      const results = page.getByTestId('quiz-results');
      await results.waitFor();
      expect(await page.getByTestId('quiz-timer').count()).toBe(0);
      expect(await page.getByTestId('quiz-score').textContent()).toBe(m.score({ score: 100 }));
      expect(await results.textContent()).toContain(m.passed);
      expect(
        await page
          .getByTestId('quiz-feedback')
          .evaluateAll((items) => items.map((i) => i.getAttribute('data-verdict'))),
      ).toEqual(['correct', 'correct', 'correct']);
      await expectNoAxeViolations(page, `quiz results (${lang})`);
      await screenshot(page, `quiz-results.${lang}.phone`);
      const held = await serverAttempts(appUrl, learner, fatiha.documentId);
      expect(held).toHaveLength(1);
      expect(held[0]).toMatchObject({ score: 100, passed: true, offline: false });

      // Untimed, on a desktop: a multiple choice partly right, and an ordering; the right answer is shown.
      await page.setViewportSize(DESKTOP);
      const pillars = await quizLesson(FIQH);
      await page.goto(`${appUrl}/learn/lessons/${pillars.documentId}`);
      await page.getByTestId('quiz-start').waitFor();
      expect(await takeQuiz(page, lang, `${lang}.desktop`)).toBeNull();
      await results.waitFor();
      expect(await page.getByTestId('quiz-score').textContent()).toBe(m.score({ score: 67 }));
      const partly = page.locator('[data-testid="quiz-feedback"][data-verdict="partly"]');
      expect(await partly.textContent()).toContain(m.rightAnswer);
      expect(await partly.textContent()).toContain('Salah · Zakah · Hajj');
      expect(await page.locator('[data-testid="quiz-feedback"][data-verdict="correct"]').count()).toBe(1);
      await expectNoAxeViolations(page, `quiz results, desktop (${lang})`);
      await screenshot(page, `quiz-results.${lang}.desktop`);
      await context.close();
    });
  }
});
