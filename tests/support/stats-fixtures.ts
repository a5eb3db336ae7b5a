import '../../db/local/local-database';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { achievements, courseEnrollments, userAchievements, userProgresses } from '../../db/schema';
import { api, tokenFor, unique } from './api';

/**
 * Learning records that no endpoint of ours writes (awards, enrollments, progress), put straight into
 * the database. Each call opens a connection and closes it: the embedded database admits one
 * connection at a time, so a handle held open would stall the worker's requests.
 */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: inject('databaseUrl'), wsProxy: inject('wsProxy') || undefined });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const PASSWORD = 'correct-horse-battery';
const idOfUser = (documentId: string) => sql`(SELECT id FROM users WHERE document_id = ${documentId})`;
const idOfLesson = (documentId: string) => sql`(SELECT id FROM lessons WHERE document_id = ${documentId})`;
const idOfCourse = (documentId: string) => sql`(SELECT id FROM courses WHERE document_id = ${documentId})`;

export interface Account {
  username: string;
  documentId: string;
  jwt: string;
}

async function signIn(username: string): Promise<string> {
  const r = await api('/api/auth/local', { body: { identifier: username, password: PASSWORD } });
  if (r.status !== 200) throw new Error(`sign-in as ${username} failed: ${JSON.stringify(r.body)}`);
  return r.body.jwt;
}

/** An account made by an admin, signed in; students get no e-mail address, like a child's account. */
export async function createAccount(
  options: {
    role?: 'student' | 'parent';
    fullName?: string;
    ageTier?: 'children' | 'youth' | 'adults';
    parent?: string;
  } = {},
): Promise<Account> {
  const role = options.role ?? 'student';
  const username = unique(role === 'parent' ? 'par' : 'stu');
  const body = {
    username,
    password: PASSWORD,
    role,
    fullName: options.fullName,
    ageTier: options.ageTier,
    parent: options.parent,
    email: role === 'parent' ? `${username}@example.test` : undefined,
  };
  const r = await api('/api/users', { token: await tokenFor('admin'), body });
  if (r.status !== 201) throw new Error(`creating ${username} failed: ${JSON.stringify(r.body)}`);
  return { username, documentId: r.body.documentId, jwt: await signIn(username) };
}

export interface CourseFixture {
  documentId: string;
  title: string;
  lessons: string[];
}

/** A published course owned by `teacher`, with lessons ordered 1..n. */
export async function createCourse(
  teacher = 'teacher.amina',
  lessonCount = 3,
  published = true,
): Promise<CourseFixture> {
  const token = await tokenFor(teacher);
  const title = unique('Stats course ');
  const course = await api('/api/courses', {
    token,
    body: { data: { title, category: 'general', isPublished: published } },
  });
  if (course.status !== 201) throw new Error(`creating a course failed: ${JSON.stringify(course.body)}`);
  const lessons: string[] = [];
  for (let order = 1; order <= lessonCount; order++) {
    const lesson = await api('/api/lessons', {
      token,
      body: {
        data: {
          title: `Lesson ${order}`,
          course: course.body.data.documentId,
          order,
          type: order === lessonCount ? 'quiz' : 'article',
        },
      },
    });
    if (lesson.status !== 201) throw new Error(`creating a lesson failed: ${JSON.stringify(lesson.body)}`);
    lessons.push(lesson.body.data.documentId);
  }
  return { documentId: course.body.data.documentId, title, lessons };
}

/** Awards each learner fresh achievements worth these points, earned at `earnedAt` (null: not yet earned). */
export async function awardPoints(
  learner: string,
  points: number[],
  earnedAt: Date | null = new Date(),
): Promise<void> {
  await withDatabase(async (db) => {
    for (const value of points) {
      const [achievement] = await db
        .insert(achievements)
        .values({ title: unique('Stats award '), criteria: { type: 'test' }, points: value, category: 'participation' })
        .returning({ id: achievements.id });
      await db
        .insert(userAchievements)
        .values({ userId: idOfUser(learner), achievementId: achievement!.id, earnedAt, progress: earnedAt ? 100 : 50 });
    }
  });
}

export async function enroll(
  learner: string,
  course: string,
  fields: { status?: 'enrolled' | 'in_progress' | 'completed' | 'dropped'; progress?: number } = {},
): Promise<void> {
  await withDatabase((db) =>
    db.insert(courseEnrollments).values({ userId: idOfUser(learner), courseId: idOfCourse(course), ...fields }),
  );
}

export async function recordProgress(
  learner: string,
  lesson: string,
  fields: { completed?: boolean; progress?: number; quizScore?: number; timeSpent?: number },
): Promise<void> {
  await withDatabase((db) =>
    db.insert(userProgresses).values({ userId: idOfUser(learner), lessonId: idOfLesson(lesson), ...fields }),
  );
}
