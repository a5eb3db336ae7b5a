import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/api';
import { createTeacher, fetchText, quizClass, type QuizClass } from '../support/analytics-fixtures';
import { createAccount, withDatabase } from '../support/stats-fixtures';

// The class and its answers: tests/support/analytics-fixtures.ts (quizClass). Names sort Aisha, Bilal,
// Dawud, Fatimah, Hamza, Idris.

let klass: QuizClass;
const grid = (token: string, query = '') =>
  api(`/api/analytics/courses/${klass.course.documentId}/progress${query}`, { token });
const detail = (token: string, student: string) =>
  api(`/api/analytics/courses/${klass.course.documentId}/students/${student}`, { token });
const firstNames = (body: any) => body.data.students.map((s: any) => s.fullName.split(' ')[0]);

beforeAll(async () => {
  klass = await quizClass();
  // Contact details a child's record may hold: they must never reach the monitor.
  await withDatabase((db) =>
    db.execute(sql`UPDATE user_profiles SET phone = '+44 7700 900123', date_of_birth = '2016-05-04'
                   WHERE user_id = (SELECT id FROM users WHERE document_id = ${klass.learners.Aisha.documentId})`),
  );
});

describe('the progress grid', () => {
  it('answers students x lessons as two lists and a matrix of compact cells, in one statement', async () => {
    const r = await grid(klass.teacher.jwt);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const { course, lessons, students, cells } = r.body.data;
    expect(course).toEqual({ documentId: klass.course.documentId, title: klass.course.title });
    expect(lessons).toEqual([
      { documentId: klass.course.lessons[0], title: 'Lesson 1', order: 1, type: 'article', quiz: null },
      { documentId: klass.course.lessons[1], title: 'Lesson 2', order: 2, type: 'quiz', quiz: klass.quiz },
    ]);
    expect(firstNames(r.body)).toEqual(['Aisha', 'Bilal', 'Dawud', 'Fatimah', 'Hamza', 'Idris']);
    // [progress, completed, best quiz score]; null: never opened.
    expect(cells).toEqual([
      [
        [100, 1, null],
        [100, 1, 75],
      ],
      [
        [100, 1, null],
        [0, 0, 63],
      ],
      [
        [100, 1, null],
        [0, 0, 50],
      ],
      [
        [100, 1, null],
        [100, 1, 75],
      ],
      [
        [100, 1, null],
        [100, 1, 100],
      ],
      [null, [0, 0, 38]],
    ]);
    expect(students.map((s: any) => [s.status, s.progress, s.lessonsCompleted, s.averageQuizScore])).toEqual([
      ['completed', 100, 2, 75],
      ['in_progress', 50, 1, 63],
      ['in_progress', 50, 1, 50],
      ['completed', 100, 2, 75],
      ['completed', 100, 2, 100],
      ['enrolled', 0, 0, 38],
    ]);
    expect(students[0]).toMatchObject({
      documentId: klass.learners.Aisha.documentId,
      username: klass.learners.Aisha.username,
    });
    expect(students[0].timeSpent).toBeGreaterThanOrEqual(60);
    expect(Date.parse(students[0].lastActive)).toBeGreaterThan(Date.now() - 3600_000);
    expect(r.body.meta).toMatchObject({
      pagination: { page: 1, pageSize: 200, pageCount: 1, total: 6 },
      sort: 'name:asc',
      cell: ['progress', 'completed', 'quizScore'],
    });
    expect(r.headers.get('x-db-queries')).toBe('1');
  });

  it('shows no contact details of a child: no e-mail, phone or birth date', async () => {
    const body = JSON.stringify((await grid(klass.teacher.jwt)).body);
    expect(body).not.toContain('7700');
    expect(body).not.toContain('2016-05-04');
    expect(body).not.toMatch(/email|phone|dateOfBirth/i);
  });

  it('sorts by any summary column, ties by name', async () => {
    const r = await grid(klass.teacher.jwt, '?sort=averageQuizScore:desc');
    expect(firstNames(r.body)).toEqual(['Hamza', 'Aisha', 'Fatimah', 'Bilal', 'Dawud', 'Idris']);
    expect(r.body.data.cells[0]).toEqual([
      [100, 1, null],
      [100, 1, 100],
    ]);
    const least = await grid(klass.teacher.jwt, '?sort=lessonsCompleted');
    expect(firstNames(least.body)[0]).toBe('Idris');
  });

  it('filters by status, by name, by inactivity, and pages', async () => {
    expect(firstNames((await grid(klass.teacher.jwt, '?status=completed')).body)).toEqual([
      'Aisha',
      'Fatimah',
      'Hamza',
    ]);
    expect(firstNames((await grid(klass.teacher.jwt, '?status=enrolled,in_progress')).body)).toEqual([
      'Bilal',
      'Dawud',
      'Idris',
    ]);
    expect(firstNames((await grid(klass.teacher.jwt, '?search=fati')).body)).toEqual(['Fatimah']);
    expect(firstNames((await grid(klass.teacher.jwt, `?search=${klass.learners.Idris.username}`)).body)).toEqual([
      'Idris',
    ]);
    // Everyone worked today: nobody has been away for a day.
    expect((await grid(klass.teacher.jwt, '?inactiveDays=1')).body.meta.pagination.total).toBe(0);
    const page = await grid(klass.teacher.jwt, '?pagination[page]=2&pagination[pageSize]=2');
    expect(firstNames(page.body)).toEqual(['Dawud', 'Fatimah']);
    expect(page.body.data.cells).toHaveLength(2);
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 6 });
  });

  it('exports every matching student as CSV, a column per lesson and per quiz score', async () => {
    const r = await fetchText(
      `/api/analytics/courses/${klass.course.documentId}/progress?format=csv&pagination[pageSize]=1`,
      klass.teacher.jwt,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="progress_${klass.course.documentId}.csv"`);
    const lines = r.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Student,Username,Status,Course progress (%),Lessons completed,Average quiz score (%),Time spent (s),Last active,Enrolled,1. Lesson 1 (%),2. Lesson 2 (%),2. Lesson 2: quiz score (%)',
    );
    expect(lines).toHaveLength(7);
    expect(lines[6]).toMatch(new RegExp(`^Idris [^,]+,${klass.learners.Idris.username},enrolled,0,0,38,`));
    expect(lines[6]).toMatch(/,,0,38$/);
    // The same through content negotiation.
    const negotiated = await fetchText(
      `/api/analytics/courses/${klass.course.documentId}/progress`,
      klass.teacher.jwt,
      {
        accept: 'text/csv',
      },
    );
    expect(negotiated.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(negotiated.text.split('\r\n')).toHaveLength(8);
  });

  it('refuses unknown sorts, statuses, oversized pages and parameters (400)', async () => {
    for (const query of [
      '?sort=password',
      '?sort=name:sideways',
      '?status=graduated',
      '?pagination[pageSize]=1000',
      '?inactiveDays=0',
      '?course=x',
    ]) {
      const r = await grid(klass.teacher.jwt, query);
      expect(r.status, query).toBe(400);
      expect(r.body.error.name).toBe('ValidationError');
    }
  });

  it('is only for the course’s own teacher and admins', async () => {
    const stranger = await createTeacher();
    const refused = await grid(stranger.jwt);
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('Aisha');
    expect((await grid(klass.learners.Aisha.jwt)).status).toBe(403);
    const parent = await createAccount({ role: 'parent', parent: undefined });
    expect((await grid(parent.jwt)).status).toBe(403);
    expect((await api(`/api/analytics/courses/${klass.course.documentId}/progress`)).status).toBe(401);
    expect((await grid(await tokenFor('admin'))).status).toBe(200);
  });
});

describe('one student in the course', () => {
  it('shows attempts with their answers in words, offline work marked, time, last activity, badges, streaks', async () => {
    const r = await detail(klass.teacher.jwt, klass.learners.Hamza.documentId);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d = r.body.data;
    expect(d.student).toEqual({
      documentId: klass.learners.Hamza.documentId,
      username: klass.learners.Hamza.username,
      fullName: expect.stringMatching(/^Hamza /),
    });
    expect(d.enrollment).toMatchObject({ status: 'completed', progress: 100 });
    expect(d.summary).toMatchObject({
      lessonsCompleted: 2,
      lessonsTotal: 2,
      averageQuizScore: 100,
      attempts: 2,
      offlineActivities: 1,
    });
    expect(d.summary.timeSpent).toBeGreaterThanOrEqual(60);
    expect(d.lessons.map((l: any) => [l.documentId, l.progress, l.completed, l.quizScore])).toEqual([
      [klass.course.lessons[0], 100, true, null],
      [klass.course.lessons[1], 100, true, 100],
    ]);
    expect(d.attempts.map((a: any) => [a.score, a.passed, a.late])).toEqual([
      [100, true, false],
      [25, false, false],
    ]);
    expect(d.attempts[1].answers).toEqual([
      {
        questionId: 'q1',
        prompt: 'Which prayer has two rakahs?',
        type: 'single_choice',
        given: 'C',
        correct: false,
        earned: 0,
        points: 1,
      },
      {
        questionId: 'q2',
        prompt: 'Pick the obligatory acts',
        type: 'multiple_choice',
        given: 'x; z',
        correct: false,
        earned: 0,
        points: 1,
      },
      {
        questionId: 'q3',
        prompt: 'Wudu is needed for salah',
        type: 'true_false',
        given: 'True',
        correct: true,
        earned: 1,
        points: 1,
      },
      {
        questionId: 'q4',
        prompt: 'Where is the Kaaba?',
        type: 'short_answer',
        given: 'madinah ',
        correct: false,
        earned: 0,
        points: 1,
      },
    ]);
    expect(d.attempts[1].quiz.documentId).toBe(klass.quiz);
    expect(d.attempts[1].durationSeconds).toBeGreaterThanOrEqual(0);
    // His article was read offline: the event reached the server two hours after it happened.
    expect(d.activity).toHaveLength(1);
    expect(d.activity[0]).toMatchObject({
      lesson: { documentId: klass.course.lessons[0], title: 'Lesson 1' },
      completed: true,
      timeSpent: 60,
      offline: true,
    });
    expect(Date.parse(d.activity[0].receivedAt) - Date.parse(d.activity[0].occurredAt)).toBeGreaterThan(3600_000);
    expect(Array.isArray(d.badges)).toBe(true);
    expect(d.streaks.map((s: any) => s.type)).toContain('lesson_completion');
    expect(r.headers.get('x-db-queries')).toBe('1');
  });

  it('marks online work as online', async () => {
    const r = await detail(klass.teacher.jwt, klass.learners.Aisha.documentId);
    expect(r.body.data.activity.map((a: any) => a.offline)).toEqual([false]);
    expect(r.body.data.summary.offlineActivities).toBe(0);
    const body = JSON.stringify(r.body);
    expect(body).not.toContain('7700');
    expect(body).not.toMatch(/email|phone|dateOfBirth/i);
  });

  it('a student not in the course, another teacher’s course, or a stranger teacher: 404', async () => {
    const outsider = await createAccount({ fullName: 'Not Enrolled' });
    expect((await detail(klass.teacher.jwt, outsider.documentId)).status).toBe(404);
    expect((await detail(klass.teacher.jwt, 'nosuchstudent')).status).toBe(404);
    const stranger = await createTeacher();
    expect((await detail(stranger.jwt, klass.learners.Hamza.documentId)).status).toBe(404);
    expect((await detail(klass.learners.Bilal.jwt, klass.learners.Hamza.documentId)).status).toBe(403);
    expect((await detail(await tokenFor('admin'), klass.learners.Hamza.documentId)).status).toBe(200);
    expect((await detail(klass.teacher.jwt, `${klass.learners.Hamza.documentId}?x=1`)).status).toBe(400);
  });
});
