import { beforeAll, describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/api';
import {
  awardPoints,
  createAccount,
  createCourse,
  enroll,
  recordProgress,
  type Account,
  type CourseFixture,
} from '../support/stats-fixtures';

// Other test files write to the same database at the same time: numbers are asserted only for the
// learners, parents and courses made here; school-wide totals only for their shape and bounds.

const stats = async (token: string, query = '') => api(`/api/progress-stats${query}`, { token });

let course: CourseFixture;
let other: CourseFixture;
let learner: Account;
let classmate: Account;

beforeAll(async () => {
  course = await createCourse('teacher.amina', 3);
  other = await createCourse('teacher.amina', 2);
  learner = await createAccount({ fullName: 'Zaid Hassan', ageTier: 'children' });
  classmate = await createAccount({ fullName: 'Huda Classmate', ageTier: 'youth' });
  const [l1, l2, quiz] = course.lessons;
  await enroll(learner.documentId, course.documentId, { status: 'in_progress', progress: 60 });
  await recordProgress(learner.documentId, l1!, { completed: true, progress: 100, timeSpent: 120 });
  await recordProgress(learner.documentId, l2!, { completed: true, progress: 100, timeSpent: 60 });
  await recordProgress(learner.documentId, quiz!, { completed: false, progress: 40, quizScore: 50, timeSpent: 30 });
  await enroll(learner.documentId, other.documentId, { status: 'completed', progress: 100 });
  await recordProgress(learner.documentId, other.lessons[0]!, { completed: true, progress: 100, timeSpent: 10 });
  await recordProgress(learner.documentId, other.lessons[1]!, {
    completed: true,
    progress: 100,
    quizScore: 90,
    timeSpent: 20,
  });
  await awardPoints(learner.documentId, [10, 25]);
  await awardPoints(learner.documentId, [1000], null);

  await enroll(classmate.documentId, course.documentId, { status: 'dropped', progress: 20 });
  await recordProgress(classmate.documentId, l1!, { completed: true, progress: 100, timeSpent: 5 });
  await recordProgress(classmate.documentId, quiz!, { completed: true, progress: 100, quizScore: 100, timeSpent: 5 });
});

const LEARNER_TOTALS = {
  coursesEnrolled: 2,
  coursesCompleted: 1,
  lessonsCompleted: 4,
  timeSpent: 240,
  points: 35,
  achievementsEarned: 2,
};

describe('a student’s own progress', () => {
  it('lists each enrolled course with lessons, time and quiz average, and totals, in one round trip', async () => {
    const r = await stats(learner.jwt);
    expect(r.status).toBe(200);
    expect(r.body.data.courses).toEqual([
      {
        course: { documentId: course.documentId, title: course.title },
        status: 'in_progress',
        progress: 60,
        lessonsCompleted: 2,
        lessonsTotal: 3,
        timeSpent: 210,
        averageQuizScore: 50,
      },
      {
        course: { documentId: other.documentId, title: other.title },
        status: 'completed',
        progress: 100,
        lessonsCompleted: 2,
        lessonsTotal: 2,
        timeSpent: 30,
        averageQuizScore: 90,
      },
    ]);
    expect(r.body.data.totals).toEqual(LEARNER_TOTALS);
    expect(r.headers.get('x-db-queries')).toBe('1');
  });

  it('a new student has empty courses and zero totals', async () => {
    const fresh = await createAccount();
    const r = await stats(fresh.jwt);
    expect(r.body.data).toEqual({
      courses: [],
      totals: {
        coursesEnrolled: 0,
        coursesCompleted: 0,
        lessonsCompleted: 0,
        timeSpent: 0,
        points: 0,
        achievementsEarned: 0,
      },
    });
  });

  it('a student cannot ask for someone else: ?child= and ?course= are a 400', async () => {
    const child = await stats(learner.jwt, `?child=${classmate.documentId}`);
    expect(child.status).toBe(400);
    expect(child.body.error.name).toBe('ValidationError');
    expect(JSON.stringify(child.body)).not.toContain('Huda');
    expect((await stats(learner.jwt, `?course=${course.documentId}`)).status).toBe(400);
  });

  it('anonymous callers get 401; other methods 405', async () => {
    expect((await api('/api/progress-stats')).status).toBe(401);
    const post = await api('/api/progress-stats', { method: 'POST', token: learner.jwt, body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('a parent’s view of their children', () => {
  let parent: Account;
  let sibling: Account;

  beforeAll(async () => {
    parent = await createAccount({ role: 'parent', fullName: 'Parent Of Two' });
    const admin = await tokenFor('admin');
    const link = await api('/api/guardian-links', {
      token: admin,
      body: { data: { parent: parent.documentId, child: learner.documentId } },
    });
    expect(link.status).toBe(201);
    sibling = await createAccount({ fullName: 'Amal Hassan', parent: parent.documentId });
  });

  it('shows each linked child by first name, with the student’s own shape', async () => {
    const r = await stats(parent.jwt);
    expect(r.status).toBe(200);
    expect(r.body.data.children.map((c: any) => c.learner)).toEqual([
      { documentId: sibling.documentId, displayName: 'Amal' },
      { documentId: learner.documentId, displayName: 'Zaid' },
    ]);
    const zaid = r.body.data.children[1];
    expect(zaid.totals).toEqual(LEARNER_TOTALS);
    expect(zaid.courses.map((c: any) => c.course.documentId)).toEqual([course.documentId, other.documentId]);
    expect(r.body.data.children[0]).toMatchObject({ courses: [], totals: { coursesEnrolled: 0, points: 0 } });
    expect(JSON.stringify(r.body)).not.toContain('Hassan');
    expect(r.headers.get('x-db-queries')).toBe('1');
  });

  it('?child= narrows to one child', async () => {
    const r = await stats(parent.jwt, `?child=${learner.documentId}`);
    expect(r.status).toBe(200);
    expect(r.body.data.children).toHaveLength(1);
    expect(r.body.data.children[0].learner.displayName).toBe('Zaid');
  });

  it('a child who is not theirs is a 404 without any of the child’s data', async () => {
    const r = await stats(parent.jwt, `?child=${classmate.documentId}`);
    expect(r.status).toBe(404);
    expect(r.body.data).toBeNull();
    expect(JSON.stringify(r.body)).not.toContain('Huda');
    expect((await stats(await tokenFor('parent.fatima'), `?child=${learner.documentId}`)).status).toBe(404);
    expect((await stats(parent.jwt, '?child=nosuchchild0000000000000')).status).toBe(404);
  });

  it('a parent with no linked children gets an empty list; ?course= is a 400', async () => {
    const lonely = await createAccount({ role: 'parent' });
    expect((await stats(lonely.jwt)).body.data).toEqual({ children: [] });
    expect((await stats(parent.jwt, `?course=${course.documentId}`)).status).toBe(400);
  });
});

describe('a teacher’s view of their courses', () => {
  const expected = () => ({
    course: { documentId: course.documentId, title: course.title },
    enrolled: 2,
    inProgress: 1,
    completed: 0,
    dropped: 1,
    // The dropped classmate's 20% is left out.
    averageProgress: 60,
    // Zaid 50, the classmate 100.
    averageQuizScore: 75,
    lessons: [
      {
        lesson: { documentId: course.lessons[0], title: 'Lesson 1', order: 1 },
        completedBy: 2,
        averageQuizScore: null,
      },
      {
        lesson: { documentId: course.lessons[1], title: 'Lesson 2', order: 2 },
        completedBy: 1,
        averageQuizScore: null,
      },
      { lesson: { documentId: course.lessons[2], title: 'Lesson 3', order: 3 }, completedBy: 1, averageQuizScore: 75 },
    ],
  });

  it('shows enrollment counts, averages and per-lesson completion for a course they own, in one round trip', async () => {
    const r = await stats(await tokenFor('teacher.amina'), `?course=${course.documentId}`);
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ courses: [expected()] });
    expect(r.headers.get('x-db-queries')).toBe('1');
  });

  it('without ?course=, lists every course they own, and only those', async () => {
    const r = await stats(await tokenFor('teacher.amina'));
    const ids = r.body.data.courses.map((c: any) => c.course.documentId);
    expect(ids).toEqual(expect.arrayContaining([course.documentId, other.documentId]));
    expect(r.body.data.courses.find((c: any) => c.course.documentId === other.documentId)).toMatchObject({
      enrolled: 1,
      completed: 1,
      averageProgress: 100,
      averageQuizScore: 90,
    });
    // Same statement count with many courses as with one: no query per course.
    expect(r.headers.get('x-db-queries')).toBe('1');
    const yusuf = await stats(await tokenFor('teacher.yusuf'));
    expect(yusuf.body.data.courses.map((c: any) => c.course.documentId)).not.toContain(course.documentId);
  });

  it('a course they do not own is a 404, as is one that does not exist; ?child= is a 400', async () => {
    const yusuf = await tokenFor('teacher.yusuf');
    const r = await stats(yusuf, `?course=${course.documentId}`);
    expect(r.status).toBe(404);
    expect(r.body.data).toBeNull();
    expect((await stats(yusuf, '?course=nosuchcourse000000000000')).status).toBe(404);
    expect((await stats(yusuf, `?child=${learner.documentId}`)).status).toBe(400);
  });

  it('never shows learners’ names or e-mails', async () => {
    const text = JSON.stringify((await stats(await tokenFor('teacher.amina'))).body);
    expect(text).not.toContain('Zaid');
    expect(text).not.toContain('@');
  });
});

describe('an admin’s view of the school', () => {
  it('sees any course in the teacher’s shape, plus school totals, in one round trip', async () => {
    const r = await stats(await tokenFor('admin'), `?course=${course.documentId}`);
    expect(r.status).toBe(200);
    expect(r.body.data.courses).toHaveLength(1);
    expect(r.body.data.courses[0]).toMatchObject({
      enrolled: 2,
      inProgress: 1,
      dropped: 1,
      averageProgress: 60,
      averageQuizScore: 75,
    });
    const school = r.body.data.school;
    expect(Object.keys(school).sort()).toEqual([
      'completions',
      'courses',
      'enrollments',
      'parents',
      'publishedCourses',
      'students',
      'teachers',
    ]);
    // Other files add rows at the same time: the demo data and ours are a floor, not an exact count.
    expect(school.students).toBeGreaterThanOrEqual(7);
    expect(school.teachers).toBeGreaterThanOrEqual(2);
    expect(school.parents).toBeGreaterThanOrEqual(2);
    expect(school.publishedCourses).toBeLessThanOrEqual(school.courses);
    expect(school.enrollments).toBeGreaterThanOrEqual(3);
    expect(school.completions).toBeGreaterThanOrEqual(1);
    expect(school.completions).toBeLessThanOrEqual(school.enrollments);
    expect(r.headers.get('x-db-queries')).toBe('1');
  });

  it('without ?course=, every course, including other teachers’ and drafts', async () => {
    const draft = await createCourse('teacher.yusuf', 1, false);
    const r = await stats(await tokenFor('admin'));
    const ids = r.body.data.courses.map((c: any) => c.course.documentId);
    expect(ids).toEqual(expect.arrayContaining([course.documentId, other.documentId, draft.documentId]));
    expect(r.body.data.courses.length).toBeLessThanOrEqual(r.body.data.school.courses);
    expect((await stats(await tokenFor('admin'), '?course=nosuchcourse000000000000')).status).toBe(404);
  });
});
