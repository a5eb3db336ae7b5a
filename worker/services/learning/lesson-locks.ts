import { sql, type SQL } from 'drizzle-orm';

/**
 * A locked lesson opens when every lesson before it in the course (by `order`) is completed by the
 * learner. Unlocked lessons are always open; a teacher locks the lessons that build on earlier ones.
 *
 * The rule, once, as a subquery: the ids of the lessons before the lesson at (`courseId`, `order`) the
 * learner has not completed. A locked lesson is open when it yields none. Progress events read it for
 * every locked lesson of a batch (progress-intake.ts), quiz attempts for the quiz's lesson (quiz-context.ts).
 */
export const lessonsStillLocking = (courseId: SQL, order: SQL, userId: number): SQL => sql`
  SELECT before.id FROM lessons before
  LEFT JOIN user_progresses up ON up.lesson_id = before.id AND up.user_id = ${userId}
  WHERE before.course_id = ${courseId} AND before."order" < ${order} AND NOT coalesce(up.completed, false)`;
