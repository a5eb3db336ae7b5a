import { sql } from 'drizzle-orm';
import { courseEnrollments, progressEvents, quizAttempts } from '../../db/schema';
import { expect } from 'vitest';
import { api, baseUrl, tokenFor, unique } from './api';
import { createAccount, withDatabase, type Account } from './stats-fixtures';

const PASSWORD = 'correct-horse-battery';

/** A request whose answer is read as bytes and text (CSV downloads; decoding drops a byte-order mark). */
export async function fetchText(path: string, token: string, headers: Record<string, string> = {}) {
  const response = await fetch(baseUrl() + path, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder().decode(bytes) };
}

/** A teacher of their own, so "the teacher's courses" holds exactly what a test file made. */
export async function createTeacher(): Promise<Account> {
  const username = unique('tea');
  const r = await api('/api/users', {
    token: await tokenFor('admin'),
    body: {
      username,
      password: PASSWORD,
      role: 'teacher',
      email: `${username}@example.test`,
      fullName: 'Test Teacher',
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const signIn = await api('/api/auth/local', { body: { identifier: username, password: PASSWORD } });
  expect(signIn.status).toBe(200);
  return { username, documentId: r.body.documentId, jwt: signIn.body.jwt };
}

export interface CourseWithLessons {
  documentId: string;
  title: string;
  lessons: string[];
}

/** A published course of `teacher` with lessons 1..n of the given types. */
export async function courseOf(
  teacher: Account,
  types: string[],
  title = unique('Analytics '),
): Promise<CourseWithLessons> {
  const course = await api('/api/courses', {
    token: teacher.jwt,
    body: { data: { title, category: 'fiqh', isPublished: true } },
  });
  expect(course.status, JSON.stringify(course.body)).toBe(201);
  const lessons: string[] = [];
  for (const [i, type] of types.entries()) {
    const lesson = await api('/api/lessons', {
      token: teacher.jwt,
      body: { data: { title: `Lesson ${i + 1}`, order: i + 1, type, course: course.body.data.documentId } },
    });
    expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
    lessons.push(lesson.body.data.documentId);
  }
  return { documentId: course.body.data.documentId, title, lessons };
}

/**
 * The item-analysis quiz: four questions of four types, one point each, passing at 70. Options and
 * answers are fixed so the tests can compute every index by hand.
 */
export const ITEM_QUIZ_QUESTIONS = [
  { id: 'q1', type: 'single_choice', prompt: 'Which prayer has two rakahs?', options: ['A', 'B', 'C', 'D'], answer: 1 },
  {
    id: 'q2',
    type: 'multiple_choice',
    prompt: 'Pick the obligatory acts',
    options: ['w', 'x', 'y', 'z'],
    answer: [0, 2],
  },
  { id: 'q3', type: 'true_false', prompt: 'Wudu is needed for salah', answer: true },
  { id: 'q4', type: 'short_answer', prompt: 'Where is the Kaaba?', answer: ['Makkah'] },
];

export async function quizOn(teacher: Account, lesson: string, questions: unknown[] = ITEM_QUIZ_QUESTIONS) {
  const r = await api('/api/quizzes', {
    token: teacher.jwt,
    body: { data: { title: unique('Item quiz '), lesson, questions, passingScore: 70 } },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data.documentId as string;
}

/** A learner starts the quiz and submits these answers (in the order shown: the quiz is not shuffled). */
export async function takeQuiz(learner: Account, quiz: string, answers: Record<string, unknown>) {
  const started = await api(`/api/quizzes/${quiz}/attempts`, { token: learner.jwt, body: {} });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const graded = await api(`/api/quiz-attempts/${started.body.data.documentId}/submit`, {
    token: learner.jwt,
    body: { data: { answers } },
  });
  expect(graded.status, JSON.stringify(graded.body)).toBe(200);
  return graded.body.data as { documentId: string; score: number; passed: boolean };
}

/**
 * Six learners' first attempts, chosen so that every figure can be checked by hand:
 *
 *            q1 single   q2 multiple   q3 true/false   q4 short      score
 *   Aisha    B  right    w,y  right    false  wrong    makkah right  3/4   = 75
 *   Bilal    B  right    w    half     false  wrong    Makkah right  2.5/4 = 63
 *   Dawud    C  wrong    w,y  right    true   right    Madinah wrong 2/4   = 50
 *   Fatimah  B  right    w,x  0        true   right    makkah right  3/4   = 75
 *   Hamza    C  wrong    x,z  0        true   right    madinah wrong 1/4   = 25
 *   Idris    D  wrong    w,y,x half    true   right    Taif  wrong   1.5/4 = 38
 *
 * Then Hamza tries again and gets everything right (100): only "all", "last" and "best" see it.
 */
export const LEARNERS = ['Aisha', 'Bilal', 'Dawud', 'Fatimah', 'Hamza', 'Idris'] as const;
export const FIRST_ANSWERS: Record<(typeof LEARNERS)[number], Record<string, unknown>> = {
  Aisha: { q1: 1, q2: [0, 2], q3: false, q4: 'makkah' },
  Bilal: { q1: 1, q2: [0], q3: false, q4: 'Makkah ' },
  Dawud: { q1: 2, q2: [0, 2], q3: true, q4: 'Madinah' },
  Fatimah: { q1: 1, q2: [0, 1], q3: true, q4: 'makkah' },
  Hamza: { q1: 2, q2: [1, 3], q3: true, q4: 'madinah ' },
  Idris: { q1: 3, q2: [0, 2, 1], q3: true, q4: 'Taif' },
};
export const FIRST_SCORES = { Aisha: 75, Bilal: 63, Dawud: 50, Fatimah: 75, Hamza: 25, Idris: 38 };
export const ALL_RIGHT = { q1: 1, q2: [0, 2], q3: true, q4: 'Makkah' };

export interface QuizClass {
  teacher: Account;
  course: CourseWithLessons;
  quiz: string;
  learners: Record<(typeof LEARNERS)[number], Account>;
}

/**
 * A teacher's course (an article, then the quiz lesson) and the six learners above: each enrolls, all
 * but Idris complete the article (Hamza offline: his event reached the server two hours late), each
 * takes the quiz once in the table's order, then Hamza takes it again.
 */
export async function quizClass(): Promise<QuizClass> {
  const teacher = await createTeacher();
  const course = await courseOf(teacher, ['article', 'quiz']);
  const quiz = await quizOn(teacher, course.lessons[1]!);
  const learners = {} as QuizClass['learners'];
  for (const name of LEARNERS) {
    learners[name] = await createAccount({ fullName: `${name} ${unique('Family')}`, ageTier: 'children' });
    const enrolled = await api('/api/course-enrollments', {
      token: learners[name].jwt,
      body: { data: { course: course.documentId } },
    });
    expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(201);
  }
  for (const name of LEARNERS.slice(0, 5)) {
    const offline = name === 'Hamza';
    const event = await api('/api/user-progresses', {
      token: learners[name].jwt,
      body: {
        data: {
          eventId: crypto.randomUUID(),
          lesson: course.lessons[0],
          progress: 100,
          completed: true,
          timeSpent: 60,
          ...(offline && { occurredAt: new Date(Date.now() - 2 * 3600_000).toISOString() }),
        },
      },
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
  }
  for (const name of LEARNERS) {
    const graded = await takeQuiz(learners[name], quiz, FIRST_ANSWERS[name]);
    expect(graded.score).toBe(FIRST_SCORES[name]);
  }
  expect((await takeQuiz(learners.Hamza, quiz, ALL_RIGHT)).score).toBe(100);
  return { teacher, course, quiz, learners };
}

const ids = {
  user: (documentId: string) => sql`(SELECT id FROM users WHERE document_id = ${documentId})`,
  lesson: (documentId: string) => sql`(SELECT id FROM lessons WHERE document_id = ${documentId})`,
  course: (documentId: string) => sql`(SELECT id FROM courses WHERE document_id = ${documentId})`,
  quiz: (documentId: string) => sql`(SELECT id FROM quizzes WHERE document_id = ${documentId})`,
};

/** Learning records dated in the past, which no endpoint writes: put straight into the database. */
export const pastRecords = {
  async enrollment(
    learner: string,
    course: string,
    fields: {
      enrolledAt: string;
      status: 'enrolled' | 'in_progress' | 'completed' | 'dropped';
      progress: number;
      completedAt?: string;
    },
  ) {
    await withDatabase((db) =>
      db.insert(courseEnrollments).values({
        userId: ids.user(learner),
        courseId: ids.course(course),
        enrolledAt: new Date(fields.enrolledAt),
        status: fields.status,
        progress: fields.progress,
        completedAt: fields.completedAt ? new Date(fields.completedAt) : null,
      }),
    );
  },
  async event(learner: string, lesson: string, occurredAt: string, timeSpent: number) {
    await withDatabase((db) =>
      db.insert(progressEvents).values({
        userId: ids.user(learner),
        eventId: crypto.randomUUID(),
        lessonId: ids.lesson(lesson),
        progress: 50,
        completed: false,
        timeSpent,
        occurredAt: new Date(occurredAt),
        receivedAt: new Date(occurredAt),
      }),
    );
  },
  async attemptStarted(learner: string, quiz: string, startedAt: string) {
    await withDatabase((db) =>
      db
        .insert(quizAttempts)
        .values({ quizId: ids.quiz(quiz), userId: ids.user(learner), startedAt: new Date(startedAt), layout: [] }),
    );
  },
};
