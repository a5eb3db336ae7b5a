import { describe, expect, it } from 'vitest';
import { api, baseUrl, registerStudent, tokenFor, unique } from '../support/api';
import { publishedCourse } from '../support/learning';

// Attempts taken on a phone with no connection (POST /api/quizzes/:documentId/offline-attempts).
const QUESTIONS = [
  {
    id: 'single',
    type: 'single_choice',
    prompt: 'Which month is Ramadan?',
    options: ['8th', '9th', '10th'],
    answer: 1,
  },
  { id: 'multi', type: 'multiple_choice', prompt: 'Prayers?', options: ['Fajr', 'Eid', 'Asr'], answer: [0, 2] },
  { id: 'tf', type: 'true_false', prompt: 'Wudu comes before salah.', answer: true },
  { id: 'short', type: 'short_answer', prompt: 'بِسْمِ ٱللَّهِ ٱلرَّحْمَٰنِ …', answer: ['ٱلرَّحِيمِ'] },
  { id: 'order', type: 'ordering', prompt: 'Order them', options: ['Asr', 'Fajr', 'Dhuhr'], answer: [1, 2, 0] },
];

async function quizLesson(fields: Record<string, unknown> = {}) {
  const { lessons, teacher } = await publishedCourse({ lessonCount: 1 });
  const quiz = await api('/api/quizzes', {
    token: teacher,
    body: {
      data: {
        title: unique('Offline quiz '),
        lesson: lessons[0]!.documentId,
        questions: QUESTIONS,
        timeLimit: 600,
        passingScore: 70,
        ...fields,
      },
    },
  });
  expect(quiz.status, JSON.stringify(quiz.body)).toBe(201);
  return { lesson: lessons[0]!, quiz: quiz.body.data as { documentId: string } };
}

/** The device's own layout: questions reversed, options reversed; and the right answers in those positions. */
function offlineAttempt(minutesAgo = 10, took = 4) {
  const layout = [...QUESTIONS].reverse().map((q) => ({
    questionId: q.id,
    optionOrder: 'options' in q ? q.options!.map((_, i) => i).reverse() : null,
  }));
  const shown = (q: (typeof QUESTIONS)[number], original: number) => q.options!.length - 1 - original;
  const answers: Record<string, unknown> = {
    single: shown(QUESTIONS[0]!, 1),
    multi: [0, 2].map((i) => shown(QUESTIONS[1]!, i)),
    tf: true,
    short: 'الرحيم',
    order: [1, 2, 0].map((i) => shown(QUESTIONS[4]!, i)),
  };
  const startedAt = new Date(Date.now() - minutesAgo * 60_000);
  return {
    clientId: crypto.randomUUID(),
    layout,
    answers,
    startedAt: startedAt.toISOString(),
    submittedAt: new Date(startedAt.getTime() + took * 60_000).toISOString(),
  };
}

const send = (quiz: string, token: string, data: unknown) =>
  api(`/api/quizzes/${quiz}/offline-attempts`, { token, body: { data } });

async function attemptsOf(quiz: string) {
  const r = await api(
    `/api/quiz-attempts?filters[quiz][documentId][$eq]=${quiz}&populate[user][fields][0]=username&pagination[pageSize]=100`,
    { token: await tokenFor('teacher.amina') },
  );
  expect(r.status).toBe(200);
  return r.body.data as any[];
}

describe('an attempt taken offline', () => {
  it('is graded once on arrival in the layout the device chose, marked offline for the teacher, and moves the lesson on', async () => {
    const { quiz, lesson } = await quizLesson();
    const s = await registerStudent();
    const body = offlineAttempt();
    const r = await send(quiz.documentId, s.jwt, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({
      clientId: body.clientId,
      offline: true,
      score: 100,
      passed: true,
      late: false,
      startedAt: body.startedAt,
      submittedAt: body.submittedAt,
    });
    // Right answers are shown after passing (the default rule), in the positions the device showed.
    const single = r.body.data.feedback.find((f: any) => f.questionId === 'single');
    expect(single).toMatchObject({ correct: true, correctAnswer: { index: 1, text: '9th' } });
    const [stored] = await attemptsOf(quiz.documentId);
    expect(stored).toMatchObject({ offline: true, clientId: body.clientId, score: 100, passed: true });
    expect(stored.user.username).toBe(s.username);
    const progress = await api(`/api/user-progresses?filters[lesson][documentId][$eq]=${lesson.documentId}`, {
      token: s.jwt,
    });
    expect(progress.body.data[0]).toMatchObject({ quizScore: 100, completed: true, timeSpent: 240 });
    // The learner sees it among their attempts too, and an online attempt is not marked offline.
    const mine = await api(`/api/quiz-attempts/${r.body.data.documentId}`, { token: s.jwt });
    expect(mine.body.data).toMatchObject({ offline: true, score: 100 });
    // xAPI as for an online attempt: attempted, each question answered, passed, and the lesson completed.
    const agent = encodeURIComponent(
      JSON.stringify({ objectType: 'Agent', account: { homePage: baseUrl(), name: s.user.documentId } }),
    );
    const statements = await api(`/xapi/statements?agent=${agent}`, { token: await tokenFor('admin') });
    const verbs = (statements.body.statements as any[]).map((st) => st.verb.id.split('/').at(-1));
    expect(verbs.filter((v) => v === 'answered')).toHaveLength(QUESTIONS.length);
    expect(verbs).toEqual(expect.arrayContaining(['attempted', 'passed', 'completed']));
  });

  it('sent again (after a lost answer) answers the same attempt with 200; concurrent resends store one', async () => {
    const { quiz } = await quizLesson({ attemptsAllowed: 3 });
    const s = await registerStudent();
    const body = offlineAttempt();
    const results = await Promise.all([1, 2, 3, 4].map(() => send(quiz.documentId, s.jwt, body)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    const ids = new Set(results.map((r) => r.body.data.documentId));
    expect(ids.size).toBe(1);
    for (const r of results) expect(r.body.data).toMatchObject({ score: 100, passed: true, offline: true });
    const again = await send(quiz.documentId, s.jwt, body);
    expect(again.status).toBe(200);
    expect(again.body.data.documentId).toBe([...ids][0]);
    expect(again.body.meta.earnedAchievements).toEqual([]);
    expect(await attemptsOf(quiz.documentId)).toHaveLength(1);
  });

  it('badges follow as for an online attempt, once', async () => {
    const title = unique('Offline perfect ');
    await api('/api/achievements', {
      token: await tokenFor('admin'),
      body: {
        data: {
          title,
          criteria: { type: 'quiz_mastery', minScore: 90, count: 1 },
          category: 'quiz_mastery',
          points: 5,
        },
      },
    });
    const { quiz } = await quizLesson();
    const s = await registerStudent();
    const body = offlineAttempt();
    const first = await send(quiz.documentId, s.jwt, body);
    expect(first.body.meta.earnedAchievements.map((a: any) => a.title)).toContain(title);
    await send(quiz.documentId, s.jwt, body);
    const rows = await api(`/api/user-achievements?filters[achievement][title][$eq]=${encodeURIComponent(title)}`, {
      token: s.jwt,
    });
    expect(rows.body.data).toHaveLength(1);
  });

  it('counts against the attempts allowed with the online ones', async () => {
    const { quiz } = await quizLesson({ attemptsAllowed: 2, showCorrectAnswers: 'never' });
    const s = await registerStudent();
    const online = (await api(`/api/quizzes/${quiz.documentId}/attempts`, { token: s.jwt, body: {} })).body.data;
    await api(`/api/quiz-attempts/${online.documentId}/submit`, { token: s.jwt, body: { data: { answers: {} } } });
    expect((await send(quiz.documentId, s.jwt, offlineAttempt(5, 1))).status).toBe(201);
    const third = await send(quiz.documentId, s.jwt, offlineAttempt(3, 1));
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({ name: 'ConflictError', details: { attemptsUsed: 2, attemptsAllowed: 2 } });
    const refusedOnline = await api(`/api/quizzes/${quiz.documentId}/attempts`, { token: s.jwt, body: {} });
    expect(refusedOnline.status).toBe(409);
    const stored = await attemptsOf(quiz.documentId);
    expect(stored.map((a) => a.offline).sort()).toEqual([false, true]);
  });

  it('respects the wait between attempts, at the time the device started it', async () => {
    const { quiz } = await quizLesson({ attemptDelay: 3600, showCorrectAnswers: 'never', passingScore: 100 });
    const s = await registerStudent();
    expect((await send(quiz.documentId, s.jwt, offlineAttempt(30, 5))).status).toBe(201);
    // Started 10 minutes after the first ended: within the hour's wait.
    const r = await send(quiz.documentId, s.jwt, offlineAttempt(15, 2));
    expect(r.status).toBe(409);
    expect(r.body.error.details.nextAttemptAt).toEqual(expect.any(String));
  });

  it('past the time limit on the device it is graded late and does not pass', async () => {
    const { quiz } = await quizLesson({ timeLimit: 60 });
    const s = await registerStudent();
    const r = await send(quiz.documentId, s.jwt, offlineAttempt(10, 5));
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ score: 100, late: true, passed: false, offline: true });
  });

  it('a device clock running ahead keeps the time measured, moved back to now', async () => {
    const { quiz } = await quizLesson();
    const s = await registerStudent();
    const body = offlineAttempt(-60, 3);
    const r = await send(quiz.documentId, s.jwt, body);
    expect(r.status).toBe(201);
    const started = Date.parse(r.body.data.startedAt);
    const submitted = Date.parse(r.body.data.submittedAt);
    expect(submitted - started).toBe(3 * 60_000);
    expect(submitted).toBeLessThanOrEqual(Date.now());
  });

  it('an invalid order of questions or options, or answers of the wrong shape, is a 400 and stores nothing', async () => {
    const { quiz } = await quizLesson();
    const s = await registerStudent();
    const base = offlineAttempt();
    const cases: [string, unknown][] = [
      ['a question missing', { ...base, layout: base.layout.slice(1) }],
      ['a question twice', { ...base, layout: [...base.layout, base.layout[0]] }],
      ['a question of no quiz', { ...base, layout: [...base.layout, { questionId: 'nope', optionOrder: null }] }],
      [
        'options not a permutation',
        { ...base, layout: base.layout.map((l) => (l.questionId === 'single' ? { ...l, optionOrder: [0, 0, 1] } : l)) },
      ],
      [
        'options on a true/false question',
        { ...base, layout: base.layout.map((l) => (l.questionId === 'tf' ? { ...l, optionOrder: [0, 1] } : l)) },
      ],
      ['an option out of range', { ...base, answers: { ...base.answers, single: 7 } }],
      ['a word for true/false', { ...base, answers: { ...base.answers, tf: 'yes' } }],
      ['an ordering missing an item', { ...base, answers: { ...base.answers, order: [0, 1] } }],
      ['an answer to no question', { ...base, answers: { ...base.answers, nope: 1 } }],
      [
        'finished before it started',
        { ...base, submittedAt: new Date(Date.parse(base.startedAt) - 1000).toISOString() },
      ],
      ['no client id', { ...base, clientId: 'not-a-uuid' }],
      ['an unknown field', { ...base, extra: true }],
    ];
    for (const [what, body] of cases) {
      const r = await send(quiz.documentId, s.jwt, body);
      expect(r.status, what).toBe(400);
      expect(r.body.error.name, what).toBe('ValidationError');
    }
    expect(await attemptsOf(quiz.documentId)).toEqual([]);
  });

  it('unanswered questions are simply missing, and earn nothing', async () => {
    const { quiz } = await quizLesson();
    const s = await registerStudent();
    const r = await send(quiz.documentId, s.jwt, { ...offlineAttempt(), answers: { tf: true, single: null } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({ passed: false, earned: 1, possible: 5 });
  });

  it('is the learner’s own: another learner’s resend of the id is a new attempt of theirs; staff and strangers are refused', async () => {
    const { quiz } = await quizLesson();
    const a = await registerStudent();
    const b = await registerStudent();
    const body = offlineAttempt();
    const first = await send(quiz.documentId, a.jwt, body);
    const other = await send(quiz.documentId, b.jwt, body);
    expect(other.status).toBe(201);
    expect(other.body.data.documentId).not.toBe(first.body.data.documentId);
    expect((await api(`/api/quiz-attempts/${first.body.data.documentId}`, { token: b.jwt })).status).toBe(404);
    expect((await send(quiz.documentId, '', offlineAttempt())).status).toBe(401);
    expect((await send(quiz.documentId, await tokenFor('teacher.amina'), offlineAttempt())).status).toBe(403);
    const unknownQuiz = await send('a'.repeat(24), a.jwt, offlineAttempt());
    expect(unknownQuiz.status).toBe(404);
    // The same id for another quiz is not silently the first attempt.
    const { quiz: second } = await quizLesson();
    expect((await send(second.documentId, a.jwt, body)).status).toBe(409);
  });
});
