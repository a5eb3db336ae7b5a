import { describe, expect, it } from 'vitest';
import { api, registerStudent, tokenFor, unique } from '../support/api';
import { publishedCourse } from '../support/learning';

const QUESTIONS = [
  {
    id: 'month',
    type: 'single_choice',
    prompt: 'Which month is Ramadan?',
    options: ['8th', '9th', '10th'],
    answer: 1,
    explanation: 'Ramadan is the ninth month.',
  },
  { id: 'wudu', type: 'true_false', prompt: 'Wudu comes before salah.', answer: true },
];

async function quiz(review: Record<string, unknown> = {}) {
  const { lessons, teacher } = await publishedCourse({ lessonCount: 1 });
  const created = await api('/api/quizzes', {
    token: teacher,
    body: {
      data: {
        title: unique('Review '),
        lesson: lessons[0]!.documentId,
        questions: QUESTIONS,
        randomizeQuestions: false,
        passingScore: 100,
        ...review,
      },
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data as { documentId: string };
}

const start = (token: string, q: { documentId: string }) =>
  api(`/api/quizzes/${q.documentId}/attempts`, { token, body: {} });
const submit = (token: string, attempt: { documentId: string }, answers: Record<string, unknown>) =>
  api(`/api/quiz-attempts/${attempt.documentId}/submit`, { token, body: { data: { answers } } });
const RIGHT = { month: 1, wudu: true };
const storedAttempt = async (token: string, documentId: string) =>
  (await api(`/api/quiz-attempts/${documentId}`, { token })).body.data;

/** Everything of an answer a learner could copy from. */
const showsAnswers = (body: unknown) => /correctAnswer|explanation|ninth/.test(JSON.stringify(body));

describe('quiz review options', () => {
  it('the empty-submission trick reveals nothing: which questions were right, not the answers', async () => {
    const q = await quiz();
    const s = await registerStudent();
    const first = (await start(s.jwt, q)).body.data;
    expect(first).toMatchObject({ number: 1, quiz: { showCorrectAnswers: 'after_passing_or_last_attempt' } });
    const graded = await submit(s.jwt, first, {});
    expect(graded.status).toBe(200);
    expect(graded.body.data).toMatchObject({ score: 0, passed: false, answersShown: false });
    expect(graded.body.data.feedback.map((f: any) => [f.questionId, f.correct])).toEqual([
      ['month', false],
      ['wudu', false],
    ]);
    expect(showsAnswers(graded.body)).toBe(false);
    expect(showsAnswers(await storedAttempt(s.jwt, first.documentId))).toBe(false);
    expect(showsAnswers((await api('/api/quiz-attempts', { token: s.jwt })).body)).toBe(false);
    const second = await start(s.jwt, q);
    expect(second.status).toBe(201);
    expect(second.body.data.number).toBe(2);
    expect(showsAnswers(second.body)).toBe(false);
  });

  it('passing shows the answers, on that attempt and the earlier ones; the quiz is then closed to the learner', async () => {
    const q = await quiz();
    const s = await registerStudent();
    const failed = (await start(s.jwt, q)).body.data;
    await submit(s.jwt, failed, { month: 0 });
    const passed = (await start(s.jwt, q)).body.data;
    const graded = await submit(s.jwt, passed, RIGHT);
    expect(graded.body.data).toMatchObject({ passed: true, answersShown: true });
    expect(graded.body.data.feedback[0]).toMatchObject({
      correctAnswer: { index: 1, text: '9th' },
      explanation: 'Ramadan is the ninth month.',
    });
    expect((await storedAttempt(s.jwt, failed.documentId)).feedback[0].correctAnswer).toEqual({
      index: 1,
      text: '9th',
    });
    const again = await start(s.jwt, q);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already seen the answers/);
    expect(again.body.error.details).toMatchObject({ attemptsUsed: 2, nextAttemptAt: null });
  });

  it('a limit of two attempts: the third start is a 409, and the answers show once the last is used', async () => {
    const q = await quiz({ attemptsAllowed: 2 });
    const s = await registerStudent();
    const one = (await start(s.jwt, q)).body.data;
    expect((await submit(s.jwt, one, {})).body.data.answersShown).toBe(false);
    const two = (await start(s.jwt, q)).body.data;
    expect(two.number).toBe(2);
    const last = await submit(s.jwt, two, { month: 1 });
    expect(last.body.data).toMatchObject({ passed: false, answersShown: true });
    expect(last.body.data.feedback[1].correctAnswer).toEqual({ value: true });
    const third = await start(s.jwt, q);
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({
      name: 'ConflictError',
      message: 'You have used all 2 attempts allowed for this quiz',
      details: { attemptsUsed: 2, attemptsAllowed: 2, nextAttemptAt: null },
    });
  });

  it('a wait between attempts: starting within it is a 409 naming when the next attempt opens', async () => {
    const q = await quiz({ attemptDelay: 3600 });
    const s = await registerStudent();
    const one = (await start(s.jwt, q)).body.data;
    const graded = await submit(s.jwt, one, {});
    const refused = await start(s.jwt, q);
    expect(refused.status).toBe(409);
    const opensAt = Date.parse(refused.body.error.details.nextAttemptAt);
    expect(opensAt - Date.parse(graded.body.data.submittedAt)).toBe(3_600_000);
    expect(refused.body.error.message).toBe(
      `Your next attempt at this quiz opens at ${refused.body.error.details.nextAttemptAt}`,
    );
  });

  it('an open attempt is resumed, not doubled, even when started five times at once', async () => {
    const q = await quiz({ attemptsAllowed: 1 });
    const s = await registerStudent();
    const starts = await Promise.all(Array.from({ length: 5 }, () => start(s.jwt, q)));
    expect(starts.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(starts.map((r) => r.body.data.documentId)).size).toBe(1);
    expect(starts.every((r) => r.body.data.number === 1)).toBe(true);
  });

  it('"never": a pass shows no answers to the learner or a parent; the teacher sees everything', async () => {
    const q = await quiz({ showCorrectAnswers: 'never' });
    const parent = await tokenFor('parent.fatima');
    const childName = unique('kid');
    const child = await api('/api/users', {
      token: parent,
      body: { username: childName, password: 'kid-password-1' },
    });
    expect(child.status).toBe(201);
    const childToken = (await api('/api/auth/local', { body: { identifier: childName, password: 'kid-password-1' } }))
      .body.jwt;
    const attempt = (await start(childToken, q)).body.data;
    const graded = await submit(childToken, attempt, RIGHT);
    expect(graded.body.data).toMatchObject({ passed: true, answersShown: false });
    expect(showsAnswers(graded.body)).toBe(false);
    expect(showsAnswers(await storedAttempt(childToken, attempt.documentId))).toBe(false);
    const parentView = await storedAttempt(parent, attempt.documentId);
    expect(parentView.feedback).toHaveLength(2);
    expect(showsAnswers(parentView)).toBe(false);
    const teacherView = await storedAttempt(await tokenFor('teacher.amina'), attempt.documentId);
    expect(teacherView.feedback[0].correctAnswer).toEqual({ index: 1, text: '9th' });
    // "never" closes nothing: the learner may try again.
    expect((await start(childToken, q)).status).toBe(201);
  });

  it('the quiz writer refuses review options out of range', async () => {
    const teacher = await tokenFor('teacher.amina');
    for (const data of [
      { attemptsAllowed: 0 },
      { attemptsAllowed: 101 },
      { attemptDelay: -5 },
      { attemptDelay: 31 * 86_400 },
      { showCorrectAnswers: 'sometimes' },
    ]) {
      const r = await api('/api/quizzes', { token: teacher, body: { data: { title: unique('Bad '), ...data } } });
      expect(r.status, JSON.stringify(data)).toBe(400);
      expect(r.body.error.details.errors[0].path).toEqual(['data', Object.keys(data)[0]]);
    }
    const ok = await api('/api/quizzes', {
      token: teacher,
      body: {
        data: { title: unique('Good '), attemptsAllowed: 3, attemptDelay: 600, showCorrectAnswers: 'after_passing' },
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({ attemptsAllowed: 3, attemptDelay: 600, showCorrectAnswers: 'after_passing' });
  });
});
