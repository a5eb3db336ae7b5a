import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import arQuiz from '../../app/src/lib/i18n/books/quiz/ar';
import enQuiz from '../../app/src/lib/i18n/books/quiz/en';
import { findCourse, newLearner, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

// The quiz player: online with the server's attempt and clock, and offline from the phone's copy of the
// quiz, sent through the outbox and graded once. The demo quizzes hold every question type between them.
const appUrl = inject('appUrl');
const JUZ_AMMA = 'Reading Juz ‘Amma with Tajweed'; // "Al-Fatiha check": single choice, true/false, short answer
const FIQH = 'Fiqh of Purification and Prayer'; // "The five pillars": multiple choice, ordering
const WORDS = { en: enQuiz.quiz, ar: arQuiz.quiz };
type Lang = keyof typeof WORDS;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function call(learner: SignedIn, path: string, body?: unknown) {
  const res = await fetch(`${appUrl}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${learner.jwt}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

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

/** Answers the question on the screen (read from its prompt): right, except one tick too many on the pillars. */
async function answerQuestion(page: Page, lang: Lang) {
  const m = WORDS[lang];
  const question = page.getByTestId('quiz-question');
  const prompt = (await question.locator('.prompt').textContent()) ?? '';
  if (prompt.includes('How many verses')) await question.getByLabel('7', { exact: true }).check();
  else if (prompt.includes('every rak')) await question.getByLabel(m.true, { exact: true }).check();
  else if (prompt.includes('Complete')) await question.getByLabel(m.yourAnswer).fill('الرحيم');
  else if (prompt.includes('Which of these')) {
    for (const option of ['Salah', 'Zakah', 'Eid']) await question.getByLabel(option, { exact: true }).check();
  } else if (prompt.includes('traditional order')) {
    // Shown: Salah, Shahadah, Sawm, Zakah, Hajj; wanted: Shahadah, Salah, Zakah, Sawm, Hajj.
    await question.getByRole('button', { name: m.moveUp({ item: 'Shahadah' }) }).click();
    await question.getByRole('button', { name: m.moveUp({ item: 'Zakah' }) }).click();
    await expect
      .poll(() => question.locator('li .text').allTextContents())
      .toEqual(['Shahadah', 'Salah', 'Zakah', 'Sawm', 'Hajj']);
  } else throw new Error(`an unexpected question: ${prompt}`);
}

/**
 * Takes the quiz on the screen from its start button; screenshots and checks the first question.
 * Answers the clock's text on the first question, or null for an untimed quiz.
 */
async function takeQuiz(page: Page, lang: Lang, shots: string | null, reload = false): Promise<string | null> {
  let clock: string | null = null;
  const m = WORDS[lang];
  await page.getByTestId('quiz-start').click();
  const list = page.getByRole('navigation', { name: m.questionList });
  await list.waitFor();
  const total = await list.getByRole('button').count();
  for (let n = 1; n <= total; n++) {
    await page.getByRole('heading', { name: m.questionOf({ n, total }) }).waitFor();
    await answerQuestion(page, lang);
    if (n === 1 && (await page.getByTestId('quiz-timer').count()))
      clock = await page.getByTestId('quiz-timer').textContent();
    if (n === 1 && reload) {
      // A reload mid-quiz: the server resumes the same attempt, and the answer given is still there.
      await page.reload();
      await page.getByTestId('quiz-start').click();
      await page.getByRole('heading', { name: m.questionOf({ n, total }) }).waitFor();
      await page.getByRole('button', { name: m.goTo({ n: 1, answered: true }) }).waitFor();
    }
    if (n === 1 && shots) {
      await expectNoAxeViolations(page, `quiz question (${lang})`);
      await screenshot(page, `quiz-question.${shots}`);
    }
    if (n < total) await page.getByRole('button', { name: m.next, exact: true }).click();
  }
  await page.getByTestId('quiz-submit').click();
  return clock;
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

async function serverAttempts(learner: SignedIn, quizLessonId: string) {
  const lesson = await call(learner, `/lessons/${quizLessonId}?populate[quiz][fields][0]=documentId`);
  const quiz = lesson.data.quiz.documentId as string;
  return (await call(learner, `/quiz-attempts?filters[quiz][documentId][$eq]=${quiz}`)).data as any[];
}

describe('the quiz player', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`online (${lang}): every question type, the server's clock, results with feedback`, async () => {
      const m = WORDS[lang];
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
      const held = await serverAttempts(learner, fatiha.documentId);
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

  it('offline: a stored quiz is taken with no connection, kept through a closed page, and graded once', async () => {
    const m = WORDS.en;
    const learner = await newLearner(appUrl, FIQH);
    const lesson = await quizLesson(FIQH);
    const context = await browser.newContext({ viewport: PHONE });
    const sent: string[] = [];
    context.on('request', (r) => r.url().endsWith('/offline-attempts') && sent.push(r.postData() ?? ''));
    await useSession(context, learner);
    // Installed: the service worker controls the page, and the phone keeps the enrolled courses' quizzes.
    const home = await context.newPage();
    await home.goto(appUrl + '/learn');
    await home.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await home.reload();
    await home.getByTestId('course-card').first().waitFor();
    await home.close();

    await context.setOffline(true);
    const page = await context.newPage();
    await page.goto(`${appUrl}/learn/lessons/${lesson.documentId}`);
    await page.getByText(m.offlineIntro).waitFor();
    await expectNoAxeViolations(page, 'quiz start offline');
    await takeQuiz(page, 'en', 'offline.en.phone');
    const state = page.getByTestId('offline-attempt');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('pending');
    expect(await state.textContent()).toContain(m.savedTitle);
    await expectNoAxeViolations(page, 'quiz saved on the phone');
    await screenshot(page, 'quiz-saved-offline.en.phone');
    // The list of work on this phone names it too.
    await page.getByRole('link', { name: 'Account' }).click();
    const listed = page.getByTestId('outbox-item').first();
    await expect.poll(() => listed.getAttribute('data-state'), { timeout: 10_000 }).toBe('pending');
    expect(await listed.textContent()).toContain(`Answers to “${lesson.title}”`);
    expect(sent).toEqual([]);

    // Back online: the server grades the attempt, but the page is closed before the answer reaches it.
    let graded!: () => void;
    const serverHasIt = new Promise<void>((resolve) => (graded = resolve));
    await context.route('**/offline-attempts', async (route) => {
      await route.fetch();
      graded();
    });
    await context.setOffline(false);
    await serverHasIt;
    await page.close();
    await context.unrouteAll({ behavior: 'ignoreErrors' });

    // The app opens again: the attempt is still waiting, is sent again, and the school answers the same one.
    const again = await context.newPage();
    await again.goto(`${appUrl}/learn/lessons/${lesson.documentId}`);
    const item = again.getByTestId('offline-attempt');
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    await again.getByTestId('quiz-results').waitFor();
    expect(await again.getByTestId('quiz-score').textContent()).toBe(m.score({ score: 67 }));
    expect(await again.getByTestId('quiz-results').textContent()).toContain(m.takenOffline);
    await expectNoAxeViolations(again, 'quiz graded after going back online');
    await screenshot(again, 'quiz-results-offline.en.phone');
    expect(sent).toHaveLength(2);
    expect(JSON.parse(sent[0]!).data.clientId).toBe(JSON.parse(sent[1]!).data.clientId);
    const held = await serverAttempts(learner, lesson.documentId);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({
      offline: true,
      score: 67,
      passed: true,
      clientId: JSON.parse(sent[0]!).data.clientId,
    });
    await context.close();
  });
});
