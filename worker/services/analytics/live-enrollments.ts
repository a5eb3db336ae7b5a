import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { LiveEnrollments, ReportMeta } from '../../contract/analytics';
import { timestamptz } from './activity';
import { inScope, type CourseScope } from './course-scope';
import { column, reportMeta } from './report-meta';
import { weekStart } from './report-period';

type Row = { today: number; this_week: number; recent: number; latest_at: Date | string | null };

const COLUMNS = [
  column('today', 'Today', 'count'),
  column('thisWeek', 'This week', 'count'),
  column('lastMinutes.count', 'Last minutes', 'count'),
  column('lastMinutes.minutes', 'Minutes', 'count'),
  column('latestAt', 'Latest enrollment', 'datetime'),
  column('asOf', 'As of', 'datetime'),
];

/**
 * Enrollments today (UTC), this ISO week and in the last `minutes`: one range scan of the enrolled_at
 * index (with the course ids when scoped), so a dashboard may poll it every few seconds.
 */
export async function liveEnrollments(
  db: Database,
  scope: CourseScope,
  minutes: number,
  now: Date = new Date(),
): Promise<{ data: LiveEnrollments; meta: ReportMeta }> {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const week = weekStart(now);
  const recent = new Date(now.getTime() - minutes * 60_000);
  const since = new Date(Math.min(week.getTime(), recent.getTime()));
  const result = await db.execute<Row>(sql`
    SELECT count(*) FILTER (WHERE e.enrolled_at >= ${timestamptz(today)})::int AS today,
           count(*) FILTER (WHERE e.enrolled_at >= ${timestamptz(week)})::int AS this_week,
           count(*) FILTER (WHERE e.enrolled_at >= ${timestamptz(recent)})::int AS recent,
           max(e.enrolled_at) AS latest_at
    FROM course_enrollments e
    WHERE e.enrolled_at >= ${timestamptz(since)} AND e.enrolled_at <= ${timestamptz(now)}
      AND ${inScope(sql`e.course_id`, scope)}`);
  const row = result.rows[0]!;
  return {
    data: {
      today: row.today,
      thisWeek: row.this_week,
      lastMinutes: { minutes, count: row.recent },
      latestAt: row.latest_at === null ? null : new Date(row.latest_at).toISOString(),
      since: { today: today.toISOString(), week: week.toISOString() },
      asOf: now.toISOString(),
    },
    meta: reportMeta(COLUMNS, scope, null),
  };
}
