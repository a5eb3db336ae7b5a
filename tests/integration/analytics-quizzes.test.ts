import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/api';
import { createTeacher, fetchText, quizClass, type QuizClass } from '../support/analytics-fixtures';
import { createAccount } from '../support/stats-fixtures';

// The six learners and their answers are in tests/support/analytics-fixtures.ts (quizClass), with the
// table of who answered what; every index below is computed by hand from that table.

let klass: QuizClass;
const items = (token: string, quiz: string, query = '') =>
  api(`/api/analytics/quizzes/${quiz}/items${query}`, { token });

beforeAll(async () => {
  klass = await quizClass();
});

describe('item analysis of a quiz', () => {
  it('gives facility, discrimination and the most chosen wrong answer per question, over first attempts', async () => {
    const r = await items(klass.teacher.jwt, klass.quiz);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // Six first attempts; thirds of two: top Aisha and Fatimah (75), bottom Idris (38) and Hamza (25).
    expect(r.body.meta).toMatchObject({ attemptsCounted: 'first', attempts: 6, groupSize: 2 });
    const byId = Object.fromEntries(r.body.data.map((row: any) => [row.question.id, row]));

    // q1: right by Aisha, Bilal, Fatimah (3/6); top 2/2, bottom 0/2; C chosen by Dawud and Hamza.
    expect(byId.q1).toMatchObject({
      question: { position: 1, type: 'single_choice' },
      attempts: 6,
      facility: 50,
      averageScore: 50,
      discrimination: 1,
      mostChosenWrong: { answer: 'C', option: 2, count: 2, share: 33.3 },
      unanswered: 0,
    });
    // q2: fully right by Aisha and Dawud (2/6); mean credit (1+.5+1+0+0+.5)/6; top 1/2, bottom 0/2;
    // the wrong option x was ticked by Fatimah, Hamza and Idris.
    expect(byId.q2).toMatchObject({
      attempts: 6,
      facility: 33.3,
      averageScore: 50,
      discrimination: 0.5,
      mostChosenWrong: { answer: 'x', option: 1, count: 3, share: 50 },
    });
    // q3: right by Dawud, Fatimah, Hamza, Idris (4/6); top 1/2, bottom 2/2: the weaker learners do better.
    expect(byId.q3).toMatchObject({
      facility: 66.7,
      discrimination: -0.5,
      mostChosenWrong: { answer: 'false', option: null, count: 2, share: 33.3 },
    });
    // q4: "Madinah" and "madinah " are one wrong answer under the grader's normalisation.
    expect(byId.q4).toMatchObject({
      facility: 50,
      discrimination: 1,
      mostChosenWrong: { answer: 'madinah', count: 2, share: 33.3 },
    });
    // Two round trips (the token's user check rides with the first), whatever the number of attempts.
    expect(r.headers.get('x-db-queries')).toBe('2');
  });

  it('counts the policy the teacher picks: best attempts see Hamza’s retake, all attempts count seven', async () => {
    const best = await items(klass.teacher.jwt, klass.quiz, '?attempts=best');
    expect(best.status).toBe(200);
    expect(best.body.meta.attempts).toBe(6);
    expect(best.body.data.find((row: any) => row.question.id === 'q1').facility).toBe(66.7);
    const all = await items(klass.teacher.jwt, klass.quiz, '?attempts=all');
    expect(all.body.meta).toMatchObject({ attempts: 7, groupSize: 2 });
    expect(all.body.data.find((row: any) => row.question.id === 'q1')).toMatchObject({ attempts: 7, facility: 57.1 });
  });

  it('exports the table as CSV, one row per question', async () => {
    const r = await fetchText(`/api/analytics/quizzes/${klass.quiz}/items?format=csv`, klass.teacher.jwt);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="item-analysis_${klass.quiz}_first.csv"`);
    const lines = r.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Question,Prompt,Type,Attempts,Facility (fully right) (%),Average score (%),Discrimination index,Most chosen wrong answer,Chosen by (%),Unanswered',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('1,Which prayer has two rakahs?,single_choice,6,50,50,1,C,33.3,0');
    expect(lines[3]).toBe('3,Wudu is needed for salah,true_false,6,66.7,66.7,-0.5,false,33.3,0');
  });

  it('refuses a policy or a window it does not know (400)', async () => {
    for (const query of ['?attempts=worst', '?from=2025-02-30', '?from=2025-03-01&to=2025-02-01', '?foo=1']) {
      const r = await items(klass.teacher.jwt, klass.quiz, query);
      expect(r.status, query).toBe(400);
      expect(r.body.error.name).toBe('ValidationError');
    }
  });

  it('is another teacher’s quiz: 404; parents and students: 403; anonymous: 401', async () => {
    const stranger = await createTeacher();
    expect((await items(stranger.jwt, klass.quiz)).status).toBe(404);
    expect((await items(klass.learners.Aisha.jwt, klass.quiz)).status).toBe(403);
    const parent = await createAccount({ role: 'parent' });
    expect((await items(parent.jwt, klass.quiz)).status).toBe(403);
    expect((await api(`/api/analytics/quizzes/${klass.quiz}/items`)).status).toBe(401);
    // Admins see every quiz.
    expect((await items(await tokenFor('admin'), klass.quiz)).status).toBe(200);
  });
});

describe('quiz performance', () => {
  it('lists each quiz of the teacher’s courses with attempts, learners, average, median and pass rate', async () => {
    const r = await api('/api/analytics/quizzes', { token: klass.teacher.jwt });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toHaveLength(1);
    // First attempts: 75, 63, 50, 75, 25, 38 → mean 54.3, lower median 50, two of six pass at 70.
    expect(r.body.data[0]).toMatchObject({
      quiz: { documentId: klass.quiz },
      lesson: { documentId: klass.course.lessons[1], title: 'Lesson 2' },
      course: { documentId: klass.course.documentId, title: klass.course.title },
      gradedAttempts: 7,
      learners: 6,
      averageScore: 54.3,
      medianScore: 50,
      passRate: 33.3,
    });
    expect(r.body.meta).toMatchObject({ attemptsCounted: 'first', scope: { course: null, courses: 1 } });
    const best = await api('/api/analytics/quizzes?attempts=best', { token: klass.teacher.jwt });
    expect(best.body.data[0]).toMatchObject({ averageScore: 66.8, passRate: 50 });
  });

  it('an admin narrows to the course; a window before any attempt has no rows', async () => {
    const admin = await tokenFor('admin');
    const r = await api(`/api/analytics/quizzes?course=${klass.course.documentId}`, { token: admin });
    expect(r.body.data.map((row: any) => row.quiz.documentId)).toEqual([klass.quiz]);
    const old = await api(`/api/analytics/quizzes?course=${klass.course.documentId}&from=2020-01-01&to=2020-12-31`, {
      token: admin,
    });
    expect(old.body.data).toEqual([]);
    expect(old.body.meta.period).toEqual({ from: '2020-01-01', to: '2020-12-31' });
  });

  it('another teacher asking for this course gets 404', async () => {
    const stranger = await createTeacher();
    const r = await api(`/api/analytics/quizzes?course=${klass.course.documentId}`, { token: stranger.jwt });
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain(klass.course.title);
  });
});
