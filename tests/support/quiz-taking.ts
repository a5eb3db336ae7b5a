// Taking a quiz in the browser as a learner does, and reading what the school holds of it afterwards.
// The answers are read from each question's prompt: right, except one tick too many on the pillars.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import arQuiz from '../../app/src/lib/i18n/books/quiz/ar';
import enQuiz from '../../app/src/lib/i18n/books/quiz/en';
import type { SignedIn } from './accounts';
import { expectNoAxeViolations } from './axe';
import { screenshot } from './screenshots';

export const QUIZ_WORDS = { en: enQuiz.quiz, ar: arQuiz.quiz };
export type QuizLang = keyof typeof QUIZ_WORDS;

/** Answers the question on the screen: the Al-Fatiha check's and the five pillars' questions. */
export async function answerQuestion(page: Page, lang: QuizLang) {
  const m = QUIZ_WORDS[lang];
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
export async function takeQuiz(
  page: Page,
  lang: QuizLang,
  shots: string | null,
  reload = false,
): Promise<string | null> {
  let clock: string | null = null;
  const m = QUIZ_WORDS[lang];
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

/** A signed-in call to the API; throws on anything but 2xx. */
export async function learnerCall(appUrl: string, learner: SignedIn, path: string, body?: unknown) {
  const res = await fetch(`${appUrl}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${learner.jwt}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The learner's attempts at the quiz of this lesson, as the server holds them. */
export async function serverAttempts(appUrl: string, learner: SignedIn, quizLessonId: string) {
  const lesson = await learnerCall(appUrl, learner, `/lessons/${quizLessonId}?populate[quiz][fields][0]=documentId`);
  const quiz = lesson.data.quiz.documentId as string;
  return (await learnerCall(appUrl, learner, `/quiz-attempts?filters[quiz][documentId][$eq]=${quiz}`)).data as any[];
}
