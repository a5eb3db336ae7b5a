import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { EngagementRow, ReportAnswer } from '../../contract/analytics';
import { activityIn, timestamptz } from './activity';
import type { CourseScope } from './course-scope';
import { column, reportMeta } from './report-meta';
import { wholeWeeks, type ReportPeriod } from './report-period';

type Row = { period: string | null; active_students: number; activities: number; time_spent: number };

export type EngagementInterval = 'day' | 'week';

const COLUMNS = [
  column('period', 'Period starting', 'date'),
  column('activeStudents', 'Active students', 'count'),
  column('activities', 'Activities', 'count'),
  column('timeSpent', 'Time spent', 'seconds'),
];

/**
 * Learners active per UTC day or ISO week, every period listed (zeros included, so a chart has no
 * gaps), with the window's totals: distinct learners over the whole window, not a sum of the periods.
 * Weeks widen the window to whole weeks. One statement.
 */
export async function engagement(
  db: Database,
  scope: CourseScope,
  requested: ReportPeriod,
  interval: EngagementInterval,
): Promise<ReportAnswer<EngagementRow, { interval: EngagementInterval; totals: Omit<EngagementRow, 'period'> }>> {
  const period = interval === 'week' ? wholeWeeks(requested) : requested;
  const step = interval === 'week' ? '7 days' : '1 day';
  const unit = interval === 'week' ? 'week' : 'day';
  const result = await db.execute<Row>(sql`
    WITH activity AS (${activityIn(scope, period.start, period.end, { course: false })}),
    -- Each learner once per period (a hash aggregate), then the periods: cheaper than count(DISTINCT).
    learner_periods AS MATERIALIZED (
      SELECT a.user_id, date_trunc(${unit}, a.at AT TIME ZONE 'UTC') AS bucket, count(*)::int AS activities,
             coalesce(sum(a.time_spent), 0)::float8 AS time_spent
      FROM activity a GROUP BY 1, 2
    ),
    per_period AS (
      SELECT bucket, count(*)::int AS active_students, sum(activities)::int AS activities, sum(time_spent)::float8 AS time_spent
      FROM learner_periods GROUP BY bucket
      UNION ALL
      SELECT NULL, count(DISTINCT user_id)::int, coalesce(sum(activities), 0)::int, coalesce(sum(time_spent), 0)::float8
      FROM learner_periods
    )
    SELECT to_char(s.bucket, 'YYYY-MM-DD') AS period, coalesce(p.active_students, 0) AS active_students,
           coalesce(p.activities, 0) AS activities, coalesce(p.time_spent, 0) AS time_spent
    FROM generate_series(${timestamptz(period.start)} AT TIME ZONE 'UTC', ${timestamptz(period.end)} AT TIME ZONE 'UTC' - interval '1 second', ${step}::interval) AS s(bucket)
    LEFT JOIN per_period p ON p.bucket = s.bucket
    UNION ALL
    SELECT NULL, active_students, activities, time_spent FROM per_period WHERE bucket IS NULL
    ORDER BY 1`);

  const rows = result.rows.filter((r) => r.period !== null);
  const total = result.rows.find((r) => r.period === null);
  return {
    data: rows.map((r) => ({
      period: r.period!,
      activeStudents: r.active_students,
      activities: r.activities,
      timeSpent: r.time_spent,
    })),
    meta: {
      ...reportMeta(COLUMNS, scope, period),
      interval,
      totals: {
        activeStudents: total?.active_students ?? 0,
        activities: total?.activities ?? 0,
        timeSpent: total?.time_spent ?? 0,
      },
    },
  };
}
