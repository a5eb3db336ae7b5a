import type { Database } from '../../../db/client';
import type { AuthUser } from '../../env';
import { enroll, missingPrerequisites } from './enrollments';

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
 * `known`: what was read with the lesson (quiz-context.ts): whether the learner is enrolled, and how many
 * lessons before it they have not completed (lesson-locks.ts). Enrolling changes neither completion.
 */
export async function admitToLesson(
  tx: Database,
  user: AuthUser,
  lesson: LessonPlace,
  known: { enrolled: boolean; pendingBefore: number },
): Promise<string | null> {
  if (!known.enrolled) {
    const missing = await missingPrerequisites(tx, user.id, lesson.courseId);
    if (missing.length) return completePrerequisitesFirst(missing);
    await enroll(tx, user, { id: lesson.courseId, documentId: lesson.courseDocumentId, title: lesson.courseTitle });
  }
  if (lesson.isLocked && known.pendingBefore > 0) return lockedUntilEarlierLessons(lesson);
  return null;
}

/** Why a learner may not start a course yet. */
export const completePrerequisitesFirst = (missing: { title: string }[]) =>
  `Complete ${missing.map((m) => `“${m.title}”`).join(', ')} first`;

/** Why a learner may not work on a locked lesson yet. */
export const lockedUntilEarlierLessons = (lesson: { title: string }) =>
  `“${lesson.title}” is locked until the lessons before it are completed`;
