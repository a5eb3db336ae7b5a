import { sql, type SQL } from 'drizzle-orm';
import { inScope, type CourseScope } from './course-scope';

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * What "active" means in every report: a progress event that happened on the device in the window
 * (progress_events.occurred_at, so offline work counts on the day it was done), or a quiz attempt started
 * in the window. Rows: user_id, lesson_id, course_id, at, time_spent (seconds; attempts add none here,
 * their time reaches user_progresses instead).
 *
 * Scoped to some courses, the lessons (and quizzes) are listed first, as an array: the planner then reads
 * the events through (lesson_id, occurred_at) instead of scanning every event of the school, which a join
 * on the lessons made it do. For the whole school, when the report does not need the course, course_id is
 * NULL and nothing is joined: a year of the school's events is read in one pass.
 */
export function activityIn(scope: CourseScope, start: Date, end: Date, options: { course: boolean }): SQL {
  const lessons =
    scope.courseIds === null
      ? sql`true`
      : sql`pe.lesson_id = ANY(ARRAY(SELECT sl.id FROM lessons sl WHERE ${inScope(sql`sl.course_id`, scope)}))`;
  const quizzes =
    scope.courseIds === null
      ? sql`q.lesson_id IS NOT NULL`
      : sql`qa.quiz_id = ANY(ARRAY(SELECT sq.id FROM quizzes sq JOIN lessons sl ON sl.id = sq.lesson_id
                                   WHERE ${inScope(sql`sl.course_id`, scope)}))`;
  const joinCourse = scope.courseIds !== null || options.course;
  return sql`
    SELECT pe.user_id, pe.lesson_id, ${joinCourse ? sql`l.course_id` : sql`NULL::int`} AS course_id, pe.occurred_at AS at,
           pe.time_spent
    FROM progress_events pe ${joinCourse ? sql`JOIN lessons l ON l.id = pe.lesson_id` : sql``}
    WHERE pe.occurred_at >= ${at(start)} AND pe.occurred_at < ${at(end)} AND ${lessons}
    UNION ALL
    SELECT qa.user_id, q.lesson_id, ${joinCourse ? sql`l.course_id` : sql`NULL::int`} AS course_id, qa.started_at AS at,
           0 AS time_spent
    FROM quiz_attempts qa JOIN quizzes q ON q.id = qa.quiz_id ${joinCourse ? sql`JOIN lessons l ON l.id = q.lesson_id` : sql``}
    WHERE qa.started_at >= ${at(start)} AND qa.started_at < ${at(end)} AND ${quizzes}`;
}

export { at as timestamptz };
