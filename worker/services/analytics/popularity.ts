import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { CoursePopularityRow, LessonPopularityRow, ReportAnswer } from '../../contract/analytics';
import { activityIn, timestamptz } from './activity';
import { inScope, type CourseScope } from './course-scope';
import { column, COURSE_COLUMNS, reportMeta } from './report-meta';
import type { ReportPeriod } from './report-period';

export type PopularitySort = 'learners' | 'timeSpent' | 'enrollments';

type CourseRow = {
  document_id: string;
  title: string;
  active_learners: number;
  time_spent: number;
  new_enrollments: number;
};

type LessonRow = {
  document_id: string;
  title: string;
  order: number;
  type: LessonPopularityRow['lesson']['type'];
  course_document_id: string;
  course_title: string;
  active_learners: number;
  activities: number;
  time_spent: number;
};

const COURSE_ORDER: Record<PopularitySort, string> = {
  learners: 'active_learners DESC, time_spent DESC',
  timeSpent: 'time_spent DESC, active_learners DESC',
  enrollments: 'new_enrollments DESC, active_learners DESC',
};
const LESSON_ORDER: Record<PopularitySort, string> = {
  learners: 'active_learners DESC, time_spent DESC',
  timeSpent: 'time_spent DESC, active_learners DESC',
  // Lessons have no enrollments; their activity ranks them instead.
  enrollments: 'activities DESC, active_learners DESC',
};

/** The most used courses in the window: distinct active learners, time spent, new enrollments. One statement. */
export async function coursePopularity(
  db: Database,
  scope: CourseScope,
  period: ReportPeriod,
  sort: PopularitySort,
  limit: number,
): Promise<ReportAnswer<CoursePopularityRow, { by: 'course'; sort: PopularitySort }>> {
  const result = await db.execute<CourseRow>(sql`
    WITH activity AS (${activityIn(scope, period.start, period.end, { course: false })}),
    -- Learners per lesson first (a hash aggregate over narrow rows), then their courses: joining every
    -- event to its (wide) lesson row costs more than joining each lesson once.
    learner_lessons AS (
      SELECT lesson_id, user_id, coalesce(sum(time_spent), 0) AS time_spent FROM activity GROUP BY 1, 2
    ),
    learner_courses AS (
      SELECT l.course_id, ll.user_id, sum(ll.time_spent) AS time_spent
      FROM learner_lessons ll JOIN lessons l ON l.id = ll.lesson_id
      GROUP BY 1, 2
    ),
    used AS (
      SELECT course_id, count(*)::int AS active_learners, sum(time_spent)::float8 AS time_spent
      FROM learner_courses GROUP BY course_id
    ),
    joined AS (
      SELECT e.course_id, count(*)::int AS new_enrollments FROM course_enrollments e
      WHERE e.enrolled_at >= ${timestamptz(period.start)} AND e.enrolled_at < ${timestamptz(period.end)}
        AND ${inScope(sql`e.course_id`, scope)}
      GROUP BY e.course_id
    )
    SELECT c.document_id, c.title, coalesce(u.active_learners, 0) AS active_learners,
           coalesce(u.time_spent, 0) AS time_spent, coalesce(j.new_enrollments, 0) AS new_enrollments
    FROM used u FULL JOIN joined j ON j.course_id = u.course_id
    JOIN courses c ON c.id = coalesce(u.course_id, j.course_id)
    ORDER BY ${sql.raw(COURSE_ORDER[sort])}, c.title, c.id
    LIMIT ${limit}`);
  return {
    data: result.rows.map((r) => ({
      course: { documentId: r.document_id, title: r.title },
      activeLearners: r.active_learners,
      timeSpent: r.time_spent,
      newEnrollments: r.new_enrollments,
    })),
    meta: {
      ...reportMeta(
        [
          ...COURSE_COLUMNS,
          column('activeLearners', 'Active learners', 'count'),
          column('timeSpent', 'Time spent', 'seconds'),
          column('newEnrollments', 'New enrollments', 'count'),
        ],
        scope,
        period,
      ),
      by: 'course',
      sort,
    },
  };
}

/** The most used lessons in the window: distinct active learners, activities, time spent. One statement. */
export async function lessonPopularity(
  db: Database,
  scope: CourseScope,
  period: ReportPeriod,
  sort: PopularitySort,
  limit: number,
): Promise<ReportAnswer<LessonPopularityRow, { by: 'lesson'; sort: PopularitySort }>> {
  const result = await db.execute<LessonRow>(sql`
    WITH activity AS (${activityIn(scope, period.start, period.end, { course: false })}),
    learner_lessons AS (
      SELECT lesson_id, user_id, count(*) AS activities, coalesce(sum(time_spent), 0) AS time_spent
      FROM activity GROUP BY 1, 2
    ),
    used AS (
      SELECT lesson_id, count(*)::int AS active_learners, sum(activities)::int AS activities,
             sum(time_spent)::float8 AS time_spent
      FROM learner_lessons GROUP BY lesson_id
    )
    SELECT l.document_id, l.title, l."order", l.type, c.document_id AS course_document_id, c.title AS course_title,
           u.active_learners, u.activities, u.time_spent
    FROM used u JOIN lessons l ON l.id = u.lesson_id JOIN courses c ON c.id = l.course_id
    ORDER BY ${sql.raw(LESSON_ORDER[sort])}, l.title, l.id
    LIMIT ${limit}`);
  return {
    data: result.rows.map((r) => ({
      lesson: { documentId: r.document_id, title: r.title, order: r.order, type: r.type },
      course: { documentId: r.course_document_id, title: r.course_title },
      activeLearners: r.active_learners,
      activities: r.activities,
      timeSpent: r.time_spent,
    })),
    meta: {
      ...reportMeta(
        [
          column('lesson.title', 'Lesson', 'text'),
          column('lesson.order', 'Position', 'count'),
          column('lesson.type', 'Type', 'text'),
          ...COURSE_COLUMNS,
          column('activeLearners', 'Active learners', 'count'),
          column('activities', 'Activities', 'count'),
          column('timeSpent', 'Time spent', 'seconds'),
        ],
        scope,
        period,
      ),
      by: 'lesson',
      sort,
    },
  };
}
