import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { courseEnrollments } from '../../../db/schema';
import type { AuthUser } from '../../env';
import { enroll, missingPrerequisites } from './enrollments';
import { lessonIsOpen } from './lesson-locks';

export interface LessonPlace {
  id: number;
  title: string;
  order: number;
  isLocked: boolean;
  courseId: number;
  courseDocumentId: string;
  courseTitle: string;
}

/**
 * Learning happens inside an enrollment. A learner not yet enrolled is enrolled by their first activity
 * in the course (when its prerequisites allow); a locked lesson opens only after the lessons before it.
 * Answers why the learner may not work on the lesson yet, or null.
 *
 * `enrolledIn`: courses this transaction already knows the learner is enrolled in (an enrollment is not
 * removed by learning), so a batch of events in one course checks the enrollment once, not per event.
 */
export async function admitToLesson(
  tx: Database,
  user: AuthUser,
  lesson: LessonPlace,
  enrolledIn?: Set<number>,
): Promise<string | null> {
  if (!enrolledIn?.has(lesson.courseId)) {
    const [enrollment] = await tx
      .select({ id: courseEnrollments.id })
      .from(courseEnrollments)
      .where(and(eq(courseEnrollments.userId, user.id), eq(courseEnrollments.courseId, lesson.courseId)));
    if (!enrollment) {
      const missing = await missingPrerequisites(tx, user.id, lesson.courseId);
      if (missing.length) return completePrerequisitesFirst(missing);
      await enroll(tx, user, { id: lesson.courseId, documentId: lesson.courseDocumentId, title: lesson.courseTitle });
    }
    enrolledIn?.add(lesson.courseId);
  }
  if (lesson.isLocked && !(await lessonIsOpen(tx, user.id, lesson))) return lockedUntilEarlierLessons(lesson);
  return null;
}

/** Why a learner may not start a course yet. */
export const completePrerequisitesFirst = (missing: { title: string }[]) =>
  `Complete ${missing.map((m) => `“${m.title}”`).join(', ')} first`;

/** Why a learner may not work on a locked lesson yet. */
export const lockedUntilEarlierLessons = (lesson: { title: string }) =>
  `“${lesson.title}” is locked until the lessons before it are completed`;
