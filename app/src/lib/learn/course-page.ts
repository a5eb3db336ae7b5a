// The course page's data: the course, the learner's enrollment in it, each lesson's state, and the
// prerequisites still missing. Offline, through the phone's copy of an earlier visit when there is one.
import { courseProgressQuery, coursePageQuery, myEnrollmentsQuery } from '$lib/api/learner';
import type { Course, Enrollment, ListResponse, UserProgress } from '$lib/api/types';
import { lessonStates, missingPrerequisites, type LessonState } from './course-path';
import { readThrough } from './read-through';

export type LessonRow = NonNullable<Course['lessons']>[number] & LessonState;

export interface CoursePage {
  course: Course;
  enrollment: Enrollment | undefined;
  lessons: LessonRow[];
  missing: { documentId: string; title: string }[];
}

export async function loadCoursePage(documentId: string, signal?: AbortSignal): Promise<CoursePage> {
  const [course, enrollments, progress] = await Promise.all([
    readThrough<{ data: Course }>(`/courses/${encodeURIComponent(documentId)}`, coursePageQuery, signal),
    readThrough<ListResponse<Enrollment>>('/course-enrollments', myEnrollmentsQuery, signal),
    readThrough<ListResponse<UserProgress>>('/user-progresses', courseProgressQuery(documentId), signal),
  ]);
  const records = new Map(progress.data.flatMap((p) => (p.lesson ? [[p.lesson.documentId, p] as const] : [])));
  return {
    course: course.data,
    enrollment: enrollments.data.find((e) => e.course?.documentId === documentId),
    lessons: lessonStates(course.data.lessons ?? [], records),
    missing: missingPrerequisites(course.data.prerequisites ?? [], enrollments.data),
  };
}
