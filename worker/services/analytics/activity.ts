import { sql, type SQL } from 'drizzle-orm';
import { inScope, type CourseScope } from './course-scope';

const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * What "active" means in every report: a progress event that happened on the device in the window
 * (progress_events.occurred_at, so offline work counts on the day it was done), or a quiz attempt started
 * in the window. Rows: user_id, lesson_id, course_id, at, time_spent (seconds; attempts add none here,
 * their time reaches user_progresses instead).
 */
export function activityIn(scope: CourseScope, start: Date, end: Date): SQL {
  return sql`
    SELECT pe.user_id, pe.lesson_id, l.course_id, pe.occurred_at AS at, pe.time_spent
    FROM progress_events pe JOIN lessons l ON l.id = pe.lesson_id
    WHERE pe.occurred_at >= ${at(start)} AND pe.occurred_at < ${at(end)} AND ${inScope(sql`l.course_id`, scope)}
    UNION ALL
    SELECT qa.user_id, q.lesson_id, l.course_id, qa.started_at AS at, 0 AS time_spent
    FROM quiz_attempts qa JOIN quizzes q ON q.id = qa.quiz_id JOIN lessons l ON l.id = q.lesson_id
    WHERE qa.started_at >= ${at(start)} AND qa.started_at < ${at(end)} AND ${inScope(sql`l.course_id`, scope)}`;
}

export { at as timestamptz };
