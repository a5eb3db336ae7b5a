// The learner's enrolled courses, their lessons and quizzes (never answers), copied into the phone.
import type { ApiClient } from '$lib/api/client';
import { enrolledCoursesQuery } from '$lib/api/learning';
import type { Enrollment, ListResponse } from '$lib/api/types';
import type { CachedCourse, CachedLesson, CachedQuiz, UserDatabase } from './database';
import { revalidate } from './revalidate';

/**
 * Online: refreshes the copy (one request, revalidated by ETag). Offline: keeps the copy as it is and
 * answers it. Courses the learner left are removed with their lessons and quizzes.
 */
export async function refreshEnrolledCourses(db: UserDatabase, api: ApiClient, signal?: AbortSignal) {
  const { body, source } = await revalidate<ListResponse<Enrollment>>(
    db,
    api,
    '/course-enrollments',
    enrolledCoursesQuery(),
    signal,
  );
  if (source !== 'network') return db.courses.toArray();

  const cachedAt = new Date().toISOString();
  const courses: CachedCourse[] = [];
  const lessons: CachedLesson[] = [];
  const quizzes: CachedQuiz[] = [];
  for (const enrollment of body.data) {
    const { lessons: courseLessons = [], ...course } = enrollment.course ?? ({} as NonNullable<Enrollment['course']>);
    if (!course.documentId) continue;
    courses.push({ ...course, enrollmentStatus: enrollment.status, enrollmentProgress: enrollment.progress, cachedAt });
    for (const { quiz, ...lesson } of courseLessons) {
      lessons.push({ ...lesson, course: course.documentId, quiz: quiz?.documentId ?? null, cachedAt });
      if (quiz) quizzes.push({ ...quiz, lesson: lesson.documentId, cachedAt });
    }
  }
  await db.transaction('rw', db.courses, db.lessons, db.quizzes, async () => {
    await Promise.all([db.courses.clear(), db.lessons.clear(), db.quizzes.clear()]);
    await Promise.all([db.courses.bulkPut(courses), db.lessons.bulkPut(lessons), db.quizzes.bulkPut(quizzes)]);
  });
  return courses;
}

/** Offline: local only. A lesson from the phone's copy, or undefined when it was never stored. */
export function storedLesson(db: UserDatabase, documentId: string) {
  return db.lessons.get(documentId);
}
