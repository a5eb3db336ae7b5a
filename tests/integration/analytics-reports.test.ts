import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/api';
import {
  courseOf,
  createTeacher,
  fetchText,
  pastRecords,
  quizOn,
  type CourseWithLessons,
} from '../support/analytics-fixtures';
import { createAccount, type Account } from '../support/stats-fixtures';

// A small fixed history in January 2025 (Mondays: 6, 13, 20, 27), in one course of a teacher of its own:
//
//   learner  enrolled (week)          status        activity (lesson, seconds)
//   S1       Mon 6 Jan 10:00 (W1)     completed 16 Jan 10:00 (10 days)
//                                                   6 Jan l1 60 · 7 Jan l2 120 · 14 Jan l3 30
//   S2       Tue 7 Jan (W1)           in progress 60  7 Jan l1 90 · 21 Jan l2 10
//   S3       Wed 8 Jan (W1)           dropped 20      8 Jan l1 30
//   S4       Tue 14 Jan (W2)          completed 18 Jan (4 days)
//                                                   14 Jan l1 40 · 15 Jan l2 50 · 27 Jan l3 20
//   S5       Wed 15 Jan (W2)          enrolled 0      21 Jan: starts the l3 quiz (no time)

let teacher: Account;
let course: CourseWithLessons;
let empty: CourseWithLessons;
const S: Account[] = [];

const report = (token: string, path: string) => api(`/api/analytics/${path}`, { token });

beforeAll(async () => {
  teacher = await createTeacher();
  course = await courseOf(teacher, ['article', 'article', 'quiz'], 'Fiqh of Salah');
  empty = await courseOf(teacher, ['article'], 'Seerah, part 2');
  const quiz = await quizOn(teacher, course.lessons[2]!);
  for (let i = 0; i < 5; i++) S.push(await createAccount({ fullName: `Learner ${i + 1}` }));
  const [l1, l2, l3] = course.lessons as [string, string, string];
  const c = course.documentId;
  const [s1, s2, s3, s4, s5] = S.map((s) => s.documentId) as [string, string, string, string, string];
  await pastRecords.enrollment(s1, c, {
    enrolledAt: '2025-01-06T10:00Z',
    status: 'completed',
    progress: 100,
    completedAt: '2025-01-16T10:00Z',
  });
  await pastRecords.enrollment(s2, c, { enrolledAt: '2025-01-07T09:00Z', status: 'in_progress', progress: 60 });
  await pastRecords.enrollment(s3, c, { enrolledAt: '2025-01-08T09:00Z', status: 'dropped', progress: 20 });
  await pastRecords.enrollment(s4, c, {
    enrolledAt: '2025-01-14T00:00Z',
    status: 'completed',
    progress: 100,
    completedAt: '2025-01-18T00:00Z',
  });
  await pastRecords.enrollment(s5, c, { enrolledAt: '2025-01-15T09:00Z', status: 'enrolled', progress: 0 });
  await pastRecords.event(s1, l1, '2025-01-06T11:00Z', 60);
  await pastRecords.event(s1, l2, '2025-01-07T09:00Z', 120);
  await pastRecords.event(s1, l3, '2025-01-14T09:00Z', 30);
  await pastRecords.event(s2, l1, '2025-01-07T18:00Z', 90);
  await pastRecords.event(s2, l2, '2025-01-21T08:00Z', 10);
  await pastRecords.event(s3, l1, '2025-01-08T12:00Z', 30);
  await pastRecords.event(s4, l1, '2025-01-14T12:00Z', 40);
  await pastRecords.event(s4, l2, '2025-01-15T12:00Z', 50);
  await pastRecords.event(s4, l3, '2025-01-27T12:00Z', 20);
  await pastRecords.attemptStarted(s5, quiz, '2025-01-21T09:00Z');
});

describe('course completion rates', () => {
  it('counts the window’s enrollments by status, with rates, average progress and median days', async () => {
    const r = await report(teacher.jwt, `completion?course=${course.documentId}&from=2025-01-01&to=2025-01-31`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const figures = {
      enrolled: 5,
      notStarted: 1,
      inProgress: 1,
      completed: 2,
      dropped: 1,
      completionRate: 40,
      dropRate: 20,
      averageProgress: 65, // (100 + 60 + 100 + 0) / 4: the dropped enrollment is left out
      medianDaysToComplete: 7, // 10 and 4 days
    };
    expect(r.body.data).toEqual([{ course: { documentId: course.documentId, title: 'Fiqh of Salah' }, ...figures }]);
    expect(r.body.meta).toMatchObject({
      totals: figures,
      scope: { course: { documentId: course.documentId }, courses: 1 },
      period: { from: '2025-01-01', to: '2025-01-31' },
    });
    expect(r.body.meta.columns.map((c: any) => c.key)).toContain('completionRate');
    expect(r.headers.get('x-db-queries')).toBe('2');
  });

  it('covers only enrollments made in the window; without ?course= the teacher’s own courses', async () => {
    const late = await report(teacher.jwt, 'completion?from=2025-01-10&to=2025-01-31');
    expect(late.body.meta.scope).toEqual({ course: null, courses: 2 });
    expect(late.body.data).toHaveLength(1);
    expect(late.body.data[0]).toMatchObject({ enrolled: 2, completed: 1, completionRate: 50, notStarted: 1 });
    const none = await report(teacher.jwt, 'completion?from=2024-01-01&to=2024-12-31');
    expect(none.body.data).toEqual([]);
    expect(none.body.meta.totals).toMatchObject({ enrolled: 0, completionRate: 0, averageProgress: null });
  });

  it('exports CSV with a filename, units in the header and formula-looking titles kept as text', async () => {
    const risky = await courseOf(teacher, ['article'], '=HYPERLINK("http://evil.example","click")');
    await pastRecords.enrollment(S[0]!.documentId, risky.documentId, {
      enrolledAt: '2025-01-09T09:00Z',
      status: 'enrolled',
      progress: 0,
    });
    const r = await fetchText(`/api/analytics/completion?from=2025-01-01&to=2025-01-31&format=csv`, teacher.jwt);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="completion_2025-01-01_2025-01-31.csv"');
    // A UTF-8 byte-order mark, so spreadsheets read Arabic titles right.
    expect([...r.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = r.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Course,Course id,Enrolled,Not started,In progress,Completed,Dropped,Completion rate (%),Drop rate (%),Average progress (%),Median days to complete (days)',
    );
    expect(lines).toContain(`Fiqh of Salah,${course.documentId},5,1,1,2,1,40,20,65,7`);
    expect(lines).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")",${risky.documentId},1,1,0,0,0,0,0,0,`);
    // Asked for by Accept instead of ?format=.
    const negotiated = await fetchText(`/api/analytics/completion?from=2025-01-01&to=2025-01-31`, teacher.jwt, {
      accept: 'text/csv',
    });
    expect(negotiated.text).toBe(r.text);
  });
});

describe('engagement over time', () => {
  it('counts active students per day, every day listed, with the window’s distinct total', async () => {
    const r = await report(teacher.jwt, `engagement?course=${course.documentId}&from=2025-01-06&to=2025-01-12`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toEqual([
      { period: '2025-01-06', activeStudents: 1, activities: 1, timeSpent: 60 },
      { period: '2025-01-07', activeStudents: 2, activities: 2, timeSpent: 210 },
      { period: '2025-01-08', activeStudents: 1, activities: 1, timeSpent: 30 },
      { period: '2025-01-09', activeStudents: 0, activities: 0, timeSpent: 0 },
      { period: '2025-01-10', activeStudents: 0, activities: 0, timeSpent: 0 },
      { period: '2025-01-11', activeStudents: 0, activities: 0, timeSpent: 0 },
      { period: '2025-01-12', activeStudents: 0, activities: 0, timeSpent: 0 },
    ]);
    expect(r.body.meta.totals).toEqual({ activeStudents: 3, activities: 4, timeSpent: 300 });
    expect(r.body.meta.interval).toBe('day');
  });

  it('per ISO week, quiz attempts included, the window widened to whole weeks', async () => {
    const r = await report(
      teacher.jwt,
      `engagement?course=${course.documentId}&interval=week&from=2025-01-08&to=2025-01-22`,
    );
    expect(r.body.data).toEqual([
      { period: '2025-01-06', activeStudents: 3, activities: 4, timeSpent: 300 },
      { period: '2025-01-13', activeStudents: 2, activities: 3, timeSpent: 120 },
      { period: '2025-01-20', activeStudents: 2, activities: 2, timeSpent: 10 },
    ]);
    expect(r.body.meta.period).toEqual({ from: '2025-01-06', to: '2025-01-26' });
    expect(r.body.meta.totals).toEqual({ activeStudents: 5, activities: 9, timeSpent: 430 });
  });
});

describe('content popularity', () => {
  it('ranks courses by active learners, with time spent and new enrollments', async () => {
    const r = await report(teacher.jwt, 'popularity?from=2025-01-01&to=2025-01-31');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data[0]).toEqual({
      course: { documentId: course.documentId, title: 'Fiqh of Salah' },
      activeLearners: 5,
      timeSpent: 450,
      newEnrollments: 5,
    });
    expect(r.body.data.map((row: any) => row.course.documentId)).not.toContain(empty.documentId);
  });

  it('ranks lessons, ties broken by time spent', async () => {
    const r = await report(
      teacher.jwt,
      `popularity?by=lesson&course=${course.documentId}&from=2025-01-01&to=2025-01-31`,
    );
    expect(
      r.body.data.map((row: any) => [row.lesson.title, row.activeLearners, row.activities, row.timeSpent]),
    ).toEqual([
      ['Lesson 1', 4, 4, 220],
      ['Lesson 2', 3, 3, 180],
      ['Lesson 3', 3, 3, 50],
    ]);
    const limited = await report(
      teacher.jwt,
      `popularity?by=lesson&sort=timeSpent&limit=1&from=2025-01-01&to=2025-01-31`,
    );
    expect(limited.body.data.map((row: any) => row.lesson.title)).toEqual(['Lesson 1']);
    expect(limited.body.meta).toMatchObject({ by: 'lesson', sort: 'timeSpent' });
  });
});

describe('retention by enrollment-week cohort', () => {
  it('counts, per cohort, the enrollments whose learner came back k weeks later', async () => {
    const r = await report(teacher.jwt, `retention?course=${course.documentId}&from=2025-01-06&to=2025-01-19&weeks=3`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toEqual([
      // W1: S1, S2, S3 all active in week 0; S1 in week 1 (14 Jan); S2 in week 2 (21 Jan).
      { cohort: '2025-01-06', size: 3, retained: [3, 1, 1, 0], rates: [100, 33.3, 33.3, 0] },
      // W2: S4 in week 0; S5's quiz in week 1 (21 Jan); S4 in week 2 (27 Jan).
      { cohort: '2025-01-13', size: 2, retained: [1, 1, 1, 0], rates: [50, 50, 50, 0] },
    ]);
    expect(r.body.meta.columns.map((c: any) => c.label)).toEqual([
      'Enrollment week',
      'Enrollments',
      'Week 0',
      'Week 1',
      'Week 2',
      'Week 3',
    ]);
  });

  it('leaves weeks that have not begun empty (null), not zero', async () => {
    const learner = await createAccount();
    const enrolled = await api('/api/course-enrollments', {
      token: learner.jwt,
      body: { data: { course: empty.documentId } },
    });
    expect(enrolled.status).toBe(201);
    const r = await report(teacher.jwt, `retention?course=${empty.documentId}&weeks=2`);
    const cohort = r.body.data.at(-1);
    expect(cohort.size).toBe(1);
    expect(cohort.retained).toEqual([0, null, null]);
    expect(cohort.rates).toEqual([0, null, null]);
  });
});

describe('real-time enrollments', () => {
  it('counts today, this week and the last minutes, cheap to poll', async () => {
    const fresh = await courseOf(teacher, ['article'], 'Live course');
    const learners = [await createAccount(), await createAccount(), await createAccount()];
    for (const learner of learners) {
      const r = await api('/api/course-enrollments', {
        token: learner.jwt,
        body: { data: { course: fresh.documentId } },
      });
      expect(r.status).toBe(201);
    }
    const r = await report(teacher.jwt, `enrollments/live?course=${fresh.documentId}&minutes=30`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data.lastMinutes).toEqual({ minutes: 30, count: 3 });
    expect(r.body.data.today).toBeLessThanOrEqual(r.body.data.thisWeek);
    expect(r.body.data.thisWeek).toBe(3);
    expect(Date.parse(r.body.data.latestAt)).toBeGreaterThan(Date.now() - 600_000);
    expect(r.headers.get('cache-control')).toBe('private, max-age=10');
    // The 2025 history is not "now".
    const old = await report(teacher.jwt, `enrollments/live?course=${course.documentId}`);
    expect(old.body.data).toMatchObject({ today: 0, thisWeek: 0, lastMinutes: { minutes: 60, count: 0 } });
    const csv = await fetchText(`/api/analytics/enrollments/live?course=${fresh.documentId}&format=csv`, teacher.jwt);
    expect(csv.text.split('\r\n')[0]).toBe('Today,This week,Last minutes,Minutes,Latest enrollment,As of');
  });
});

describe('who may read reports', () => {
  const paths = () => [
    `completion?course=${course.documentId}`,
    `engagement?course=${course.documentId}`,
    `popularity?course=${course.documentId}`,
    `retention?course=${course.documentId}`,
    `quizzes?course=${course.documentId}`,
    `enrollments/live?course=${course.documentId}`,
  ];

  it('another teacher asking for this course: 404, and nothing of it in the answer', async () => {
    const stranger = await createTeacher();
    for (const path of paths()) {
      const r = await report(stranger.jwt, path);
      expect(r.status, path).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('Fiqh of Salah');
    }
    // Without ?course= the stranger sees only their own (no) courses.
    const own = await report(stranger.jwt, 'completion?from=2025-01-01&to=2025-01-31');
    expect(own.body.data).toEqual([]);
    expect(own.body.meta.scope).toEqual({ course: null, courses: 0 });
  });

  it('students and parents: 403; anonymous: 401; admins: any course', async () => {
    const parent = await createAccount({ role: 'parent' });
    const admin = await tokenFor('admin');
    for (const path of paths()) {
      expect((await report(S[0]!.jwt, path)).status, path).toBe(403);
      expect((await report(parent.jwt, path)).status, path).toBe(403);
      expect((await api(`/api/analytics/${path}`)).status, path).toBe(401);
      expect((await report(admin, path)).status, path).toBe(200);
    }
  });

  it('refuses windows that run backwards or exceed two years, bad intervals and unknown parameters (400)', async () => {
    for (const path of [
      'completion?from=2025-02-01&to=2025-01-01',
      'completion?from=2020-01-01&to=2025-01-01',
      'completion?from=yesterday',
      'engagement?interval=hour',
      'popularity?limit=0',
      'popularity?by=teacher',
      'retention?weeks=27',
      'enrollments/live?minutes=0',
      'completion?format=xlsx',
      'completion?courses=1',
    ]) {
      const r = await report(teacher.jwt, path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.name, path).toBe('ValidationError');
      expect(r.body.error.details.errors[0].path, path).toBeDefined();
    }
    expect((await report(teacher.jwt, 'completion?course=nosuchcourse')).status).toBe(404);
    const post = await api('/api/analytics/completion', { method: 'POST', token: teacher.jwt, body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
