import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { ReportAnswer, RetentionRow } from '../../contract/analytics';
import { activityIn, timestamptz } from './activity';
import { inScope, type CourseScope } from './course-scope';
import { column, reportMeta } from './report-meta';
import { weekStart, wholeWeeks, type ReportPeriod } from './report-period';

type Row = { cohort: string; k: number | null; n: number };

const WEEK_MS = 7 * 86_400_000;

/**
 * Retention by enrollment-week cohort: the enrollments made in each ISO week of the window, and for
 * k = 0..weeks the number whose learner was active in that course in the k-th week after (week 0 is the
 * enrollment's own week). A week that has not begun yet is null, not 0. One statement.
 */
export async function retention(
  db: Database,
  scope: CourseScope,
  requested: ReportPeriod,
  weeks: number,
  now: Date = new Date(),
): Promise<ReportAnswer<RetentionRow, { weeks: number }>> {
  const period = wholeWeeks(requested);
  const activityEnd = new Date(period.end.getTime() + weeks * WEEK_MS);
  const result = await db.execute<Row>(sql`
    WITH cohort AS (
      SELECT e.id, e.user_id, e.course_id, date_trunc('week', e.enrolled_at AT TIME ZONE 'UTC') AS week
      FROM course_enrollments e
      WHERE e.enrolled_at >= ${timestamptz(period.start)} AND e.enrolled_at < ${timestamptz(period.end)}
        AND ${inScope(sql`e.course_id`, scope)}
    ),
    activity AS (${activityIn(scope, period.start, activityEnd, { course: true })}),
    returns AS (
      SELECT DISTINCT c.id, c.week, (date_trunc('week', a.at AT TIME ZONE 'UTC')::date - c.week::date) / 7 AS k
      FROM cohort c JOIN activity a ON a.user_id = c.user_id AND a.course_id = c.course_id
      WHERE a.at AT TIME ZONE 'UTC' >= c.week
    )
    SELECT to_char(week, 'YYYY-MM-DD') AS cohort, NULL::int AS k, count(*)::int AS n FROM cohort GROUP BY week
    UNION ALL
    SELECT to_char(week, 'YYYY-MM-DD'), k, count(*)::int FROM returns WHERE k <= ${weeks} GROUP BY week, k
    ORDER BY 1, 2 NULLS FIRST`);

  const currentWeek = weekStart(now).getTime();
  const rows: RetentionRow[] = [];
  for (const row of result.rows) {
    if (row.k === null) {
      const start = Date.parse(`${row.cohort}T00:00:00Z`);
      const retained = Array.from({ length: weeks + 1 }, (_, k) => (start + k * WEEK_MS > currentWeek ? null : 0));
      rows.push({ cohort: row.cohort, size: row.n, retained, rates: [] });
    } else {
      const cohort = rows.at(-1)!;
      if (cohort.retained[row.k] !== null) cohort.retained[row.k] = row.n;
    }
  }
  for (const row of rows)
    row.rates = row.retained.map((n) => (n === null ? null : Math.round((1000 * n) / row.size) / 10));

  const columns = [
    column('cohort', 'Enrollment week', 'date'),
    column('size', 'Enrollments', 'count'),
    ...Array.from({ length: weeks + 1 }, (_, k) => column(`rates.${k}`, `Week ${k}`, 'percent')),
  ];
  return { data: rows, meta: { ...reportMeta(columns, scope, period), weeks } };
}
