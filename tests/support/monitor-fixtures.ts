// The classes the teacher-monitor and analytics browser tests look at, made over HTTP against the shared
// app (the browser tests reach no database): the item-analysis class of analytics-fixtures.ts, and a
// large class of 200 students by 40 lessons for the grid's render time.
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { ALL_RIGHT, FIRST_ANSWERS, FIRST_SCORES, ITEM_QUIZ_QUESTIONS, LEARNERS } from './analytics-fixtures';
import { clientAddress } from './api';
import type { SignedIn } from './accounts';

const PASSWORD = 'correct-horse-battery';
const tag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A JSON request from its own client address (as each phone would be), failing loudly. */
export async function call<T = any>(appUrl: string, path: string, init: { token?: string; body?: unknown } = {}) {
  const res = await fetch(appUrl + path, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      'cf-connecting-ip': clientAddress(),
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...(init.token && { authorization: `Bearer ${init.token}` }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** The CSV the API answers for a path, as text (the byte-order mark kept: the download keeps it too). */
export async function csvOf(appUrl: string, path: string, token: string): Promise<string> {
  const res = await fetch(appUrl + path, { headers: { authorization: `Bearer ${token}`, accept: 'text/csv' } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

async function signIn(appUrl: string, identifier: string, password = PASSWORD): Promise<SignedIn> {
  return call(appUrl, '/api/auth/local', { body: { identifier, password } });
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T>(items: T[], width: number, work: (item: T, index: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += width)
    await Promise.all(items.slice(i, i + width).map((item, k) => work(item, i + k)));
}

export interface Teacher {
  session: SignedIn;
  fullName: string;
}

export async function newTeacher(appUrl: string): Promise<Teacher> {
  const admin = await signIn(appUrl, 'admin', DEMO_PASSWORD);
  const username = `tea${tag()}`;
  const fullName = 'Test Teacher';
  await call(appUrl, '/api/users', {
    token: admin.jwt,
    body: { username, password: PASSWORD, role: 'teacher', email: `${username}@example.test`, fullName },
  });
  return { session: await signIn(appUrl, username), fullName };
}

async function courseOf(appUrl: string, teacher: SignedIn, types: string[], title: string) {
  const course = await call(appUrl, '/api/courses', {
    token: teacher.jwt,
    body: { data: { title, category: 'fiqh', isPublished: true } },
  });
  const lessons: string[] = [];
  for (const [i, type] of types.entries()) {
    const lesson = await call(appUrl, '/api/lessons', {
      token: teacher.jwt,
      body: { data: { title: `Lesson ${i + 1}`, order: i + 1, type, course: course.data.documentId } },
    });
    lessons.push(lesson.data.documentId);
  }
  return { documentId: course.data.documentId as string, title, lessons };
}

async function newStudent(appUrl: string, fullName?: string): Promise<SignedIn> {
  const admin = await signIn(appUrl, 'admin', DEMO_PASSWORD);
  const username = `stu${tag()}`;
  await call(appUrl, '/api/users', {
    token: admin.jwt,
    body: { username, password: PASSWORD, role: 'student', fullName, ageTier: 'children' },
  });
  return signIn(appUrl, username);
}

export interface MonitorClass {
  teacher: Teacher;
  course: { documentId: string; title: string; lessons: string[] };
  quiz: string;
  learners: Record<(typeof LEARNERS)[number], SignedIn & { fullName: string; documentId: string }>;
  /** A badge of the teacher's own, not yet earned by anyone. */
  badge: { documentId: string; title: string };
}

/**
 * The six learners of analytics-fixtures.ts (quizClass), each with a surname of this run: an article
 * completed by all but Idris (Hamza's sent two hours late, from the offline outbox), the quiz taken once
 * with the answers there, then Hamza's retake.
 */
export async function monitorClass(appUrl: string): Promise<MonitorClass> {
  const teacher = await newTeacher(appUrl);
  const course = await courseOf(appUrl, teacher.session, ['article', 'quiz'], `Fiqh of Wudu ${tag()}`);
  const quiz = await call(appUrl, '/api/quizzes', {
    token: teacher.session.jwt,
    body: {
      data: { title: 'Wudu check', lesson: course.lessons[1], questions: ITEM_QUIZ_QUESTIONS, passingScore: 70 },
    },
  });
  const badge = await call(appUrl, '/api/achievements', {
    token: teacher.session.jwt,
    body: {
      data: {
        title: `Kind helper ${tag()}`,
        category: 'participation',
        criteria: { type: 'participation', lessons: 100_000 },
        points: 15,
        badgeType: 'gold',
      },
    },
  });
  const surname = tag().slice(-5);
  const learners = {} as MonitorClass['learners'];
  for (const name of LEARNERS) {
    const fullName = `${name} ${surname}`;
    const student = await newStudent(appUrl, fullName);
    learners[name] = { ...student, fullName, documentId: student.user.documentId };
    await call(appUrl, '/api/course-enrollments', {
      token: learners[name].jwt,
      body: { data: { course: course.documentId } },
    });
  }
  for (const name of LEARNERS.slice(0, 5)) {
    const occurredAt = name === 'Hamza' ? new Date(Date.now() - 2 * 3600_000).toISOString() : undefined;
    await call(appUrl, '/api/user-progresses', {
      token: learners[name].jwt,
      body: {
        data: {
          eventId: crypto.randomUUID(),
          lesson: course.lessons[0],
          progress: 100,
          completed: true,
          timeSpent: 60,
          ...(occurredAt && { occurredAt }),
        },
      },
    });
  }
  const take = async (learner: SignedIn, answers: Record<string, unknown>) => {
    const started = await call(appUrl, `/api/quizzes/${quiz.data.documentId}/attempts`, {
      token: learner.jwt,
      body: {},
    });
    const graded = await call(appUrl, `/api/quiz-attempts/${started.data.documentId}/submit`, {
      token: learner.jwt,
      body: { data: { answers } },
    });
    return graded.data.score as number;
  };
  for (const name of LEARNERS) {
    const score = await take(learners[name], FIRST_ANSWERS[name]);
    if (score !== FIRST_SCORES[name]) throw new Error(`${name} scored ${score}, not ${FIRST_SCORES[name]}`);
  }
  await take(learners.Hamza, ALL_RIGHT);
  return {
    teacher,
    course,
    quiz: quiz.data.documentId,
    learners,
    badge: { documentId: badge.data.documentId, title: badge.data.title },
  };
}

/**
 * A course of `lessons` lessons and `students` students, each having opened a varied share of them (some
 * completed, some under way, the rest never opened), sent as one offline batch per student.
 */
export async function largeClass(appUrl: string, teacher: Teacher, students = 200, lessons = 40) {
  const types = Array.from({ length: lessons }, (_, i) => (i % 8 === 7 ? 'quiz' : 'article'));
  const course = await courseOf(appUrl, teacher.session, types, `Seerah for Juniors ${tag()}`);
  const indices = Array.from({ length: students }, (_, i) => i);
  await inBatches(indices, 4, async (_, i) => {
    const username = `big${tag()}${i}`;
    const learner: SignedIn = await call(appUrl, '/api/auth/local/register', {
      body: { username, email: `${username}@example.test`, password: PASSWORD },
    });
    await call(appUrl, '/api/course-enrollments', {
      token: learner.jwt,
      body: { data: { course: course.documentId } },
    });
    const reached = Math.round((lessons * ((i * 37) % 101)) / 100);
    const events = course.lessons.slice(0, reached + 1).map((lesson, j) => ({
      eventId: crypto.randomUUID(),
      lesson,
      progress: j < reached ? 100 : 40,
      completed: j < reached,
      timeSpent: 120 + ((i + j) % 9) * 30,
    }));
    await call(appUrl, '/api/user-progresses/batch', { token: learner.jwt, body: { data: events } });
  });
  return course;
}
