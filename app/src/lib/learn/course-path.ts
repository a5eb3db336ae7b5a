// Where a learner stands in a course: each lesson's progress and whether it is open yet, and which
// prerequisites are still missing. Display rules only; the server enforces the same ones.
import type { Enrollment } from '$lib/api/types';

export interface LessonRef {
  documentId: string;
  order: number;
  isLocked: boolean;
}

export interface LessonRecord {
  progress: number;
  completed: boolean;
}

export interface LessonState {
  progress: number;
  completed: boolean;
  /** False for a locked lesson while a lesson before it is not completed (worker/services/learning/lesson-locks.ts). */
  open: boolean;
}

export function lessonStates<L extends LessonRef>(
  lessons: L[],
  records: ReadonlyMap<string, LessonRecord>,
): (L & LessonState)[] {
  const ordered = [...lessons].sort((a, b) => a.order - b.order);
  return ordered.map((lesson) => {
    const record = records.get(lesson.documentId);
    const completed = record?.completed ?? false;
    const earlierPending = ordered.some(
      (other) => other.order < lesson.order && !records.get(other.documentId)?.completed,
    );
    return {
      ...lesson,
      completed,
      progress: completed ? 100 : (record?.progress ?? 0),
      open: !lesson.isLocked || !earlierPending,
    };
  });
}

/** The share of a course's lessons completed, 0-100. */
export function coursePercent(states: LessonState[]): number {
  if (states.length === 0) return 0;
  return Math.round((100 * states.filter((s) => s.completed).length) / states.length);
}

/** The prerequisites the learner has not completed (a course counts once its enrollment is completed). */
export function missingPrerequisites<C extends { documentId: string }>(
  prerequisites: C[],
  enrollments: Pick<Enrollment, 'status' | 'course'>[],
): C[] {
  const done = new Set(
    enrollments.filter((e) => e.status === 'completed' && e.course).map((e) => e.course!.documentId),
  );
  return prerequisites.filter((p) => !done.has(p.documentId));
}
