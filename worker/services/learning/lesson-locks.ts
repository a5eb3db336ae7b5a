import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { lessons, userProgresses } from '../../../db/schema';

/**
 * A locked lesson opens when every lesson before it in the course (by `order`) is completed by the
 * learner. Unlocked lessons are always open; a teacher locks the lessons that build on earlier ones.
 */
export async function lessonIsOpen(
  tx: Database,
  userId: number,
  lesson: { id: number; courseId: number; order: number; isLocked: boolean },
): Promise<boolean> {
  if (!lesson.isLocked) return true;
  const [row] = await tx
    .select({ pending: sql<number>`count(*)::int` })
    .from(lessons)
    .leftJoin(userProgresses, and(eq(userProgresses.lessonId, lessons.id), eq(userProgresses.userId, userId)))
    .where(
      and(
        eq(lessons.courseId, lesson.courseId),
        lt(lessons.order, lesson.order),
        sql`coalesce(${userProgresses.completed}, false) = false`,
      ),
    );
  return (row?.pending ?? 0) === 0;
}
