import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { CompletionRow, CompletionTotals, ReportAnswer } from '../../contract/analytics';
import { inScope, type CourseScope } from './course-scope';
import { column, COURSE_COLUMNS, reportMeta, toNumber } from './report-meta';
import type { ReportPeriod } from './report-period';

type Row = {
  document_id: string | null;
  title: string | null;
  enrolled: number;
  not_started: number;
  in_progress: number;
  completed: number;
  dropped: number;
  completion_rate: string | null;
  drop_rate: string | null;
  average_progress: string | null;
  median_days: string | null;
};

const COLUMNS = [
  ...COURSE_COLUMNS,
  column('enrolled', 'Enrolled', 'count'),
  column('notStarted', 'Not started', 'count'),
  column('inProgress', 'In progress', 'count'),
  column('completed', 'Completed', 'count'),
  column('dropped', 'Dropped', 'count'),
  column('completionRate', 'Completion rate', 'percent'),
  column('dropRate', 'Drop rate', 'percent'),
  column('averageProgress', 'Average progress', 'percent'),
  column('medianDaysToComplete', 'Median days to complete', 'days'),
];

/**
 * Completion of the enrollments made in the window, per course and in total (one statement: the total
 * is the grouping set ()). A course with no enrollment in the window has no row.
 */
export async function completionRates(
  db: Database,
  scope: CourseScope,
  period: ReportPeriod,
): Promise<ReportAnswer<CompletionRow, { totals: CompletionTotals }>> {
  const result = await db.execute<Row>(sql`
    SELECT c.document_id, c.title,
           count(*)::int AS enrolled,
           count(*) FILTER (WHERE e.status = 'enrolled')::int AS not_started,
           count(*) FILTER (WHERE e.status = 'in_progress')::int AS in_progress,
           count(*) FILTER (WHERE e.status = 'completed')::int AS completed,
           count(*) FILTER (WHERE e.status = 'dropped')::int AS dropped,
           round(100.0 * count(*) FILTER (WHERE e.status = 'completed') / nullif(count(*), 0), 1) AS completion_rate,
           round(100.0 * count(*) FILTER (WHERE e.status = 'dropped') / nullif(count(*), 0), 1) AS drop_rate,
           round(avg(e.progress) FILTER (WHERE e.status <> 'dropped'), 1) AS average_progress,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.completed_at - e.enrolled_at) / 86400)
                  FILTER (WHERE e.completed_at IS NOT NULL))::numeric, 1) AS median_days
    FROM course_enrollments e
    JOIN courses c ON c.id = e.course_id
    WHERE e.enrolled_at >= ${period.start.toISOString()}::timestamptz AND e.enrolled_at < ${period.end.toISOString()}::timestamptz
      AND ${inScope(sql`e.course_id`, scope)}
    GROUP BY GROUPING SETS ((c.id, c.document_id, c.title), ())
    ORDER BY c.id IS NULL, completion_rate DESC, c.title, c.id`);

  const figures = (row: Row): CompletionTotals => ({
    enrolled: row.enrolled,
    notStarted: row.not_started,
    inProgress: row.in_progress,
    completed: row.completed,
    dropped: row.dropped,
    completionRate: toNumber(row.completion_rate) ?? 0,
    dropRate: toNumber(row.drop_rate) ?? 0,
    averageProgress: toNumber(row.average_progress),
    medianDaysToComplete: toNumber(row.median_days),
  });
  const courses = result.rows.filter((row) => row.document_id !== null);
  // The () grouping set always answers one row, zeros included.
  const total = result.rows.find((row) => row.document_id === null)!;
  return {
    data: courses.map((row) => ({ course: { documentId: row.document_id!, title: row.title! }, ...figures(row) })),
    meta: {
      ...reportMeta(COLUMNS, scope, period),
      totals: figures(total),
    },
  };
}
