// The learner's courses for the home page: through the phone's copy when the offline layer is in use
// (installed app, or data already on the phone), straight from the API on a first visit.
import { NetworkError } from '$lib/api/errors';
import { fetchCompletedLessons, fetchEnrollments } from '$lib/api/learning';
import type { Enrollment, LessonType } from '$lib/api/types';
import { offline } from '$lib/offline/runtime.svelte';
import { api } from '$lib/session.svelte';

export interface LessonSummary {
  documentId: string;
  title: string;
  type: LessonType;
  completed: boolean;
}

export interface CourseSummary {
  documentId: string;
  title: string;
  progress: number;
  lessons: LessonSummary[];
}

export async function loadEnrolledCourses(signal?: AbortSignal): Promise<CourseSummary[]> {
  if (!offline.inUse()) {
    const [{ data }, completed] = await Promise.all([
      fetchEnrollments(api, signal),
      fetchCompletedLessons(api, signal),
    ]);
    return data.flatMap((enrollment) => fromEnrollment(enrollment, completed));
  }
  const { db, offline: m } = await offline.open();
  try {
    await m.refreshEnrolledCourses(db, api, signal);
  } catch (error) {
    // Offline: the copy on the phone is the answer.
    if (!(error instanceof NetworkError)) throw error;
  }
  const [courses, lessons, progress] = await Promise.all([
    db.courses.toArray(),
    db.lessons.orderBy('[course+order]').toArray(),
    db.progress.toArray(),
  ]);
  const completed = new Set(progress.filter((p) => p.completed).map((p) => p.lesson));
  return courses.map((course) => {
    const own = lessons.filter((l) => l.course === course.documentId);
    const done = own.filter((l) => completed.has(l.documentId)).length;
    return {
      documentId: course.documentId,
      title: course.title,
      // The phone may know of completions the server has not heard of yet.
      progress: Math.max(course.enrollmentProgress, own.length ? Math.round((done / own.length) * 100) : 0),
      lessons: own.map((l) => ({ ...pick(l), completed: completed.has(l.documentId) })),
    };
  });
}

function fromEnrollment(enrollment: Enrollment, completed: Set<string>): CourseSummary[] {
  const course = enrollment.course;
  if (!course) return [];
  const lessons = [...(course.lessons ?? [])].sort((a, b) => a.order - b.order);
  return [
    {
      documentId: course.documentId,
      title: course.title,
      progress: enrollment.progress,
      lessons: lessons.map((l) => ({ ...pick(l), completed: completed.has(l.documentId) })),
    },
  ];
}

const pick = (l: { documentId: string; title: string; type: LessonType }) => ({
  documentId: l.documentId,
  title: l.title,
  type: l.type,
});
