import type { ColumnUnit, ReportColumn, ReportMeta } from '../../contract/analytics';
import { scopeMeta, type CourseScope } from './course-scope';
import type { ReportPeriod } from './report-period';

export const column = (key: string, label: string, unit: ColumnUnit): ReportColumn => ({ key, label, unit });

export const COURSE_COLUMNS: ReportColumn[] = [
  column('course.title', 'Course', 'text'),
  column('course.documentId', 'Course id', 'text'),
];

/** Meta every report answers with; the scope is the courses resolved, or given as it is (one quiz's course). */
export function reportMeta(
  columns: ReportColumn[],
  scope: CourseScope | ReportMeta['scope'],
  period: ReportPeriod | null,
): ReportMeta {
  return {
    columns,
    scope: 'courseIds' in scope ? scopeMeta(scope) : scope,
    period: { from: period?.from ?? null, to: period?.to ?? null },
    generatedAt: new Date().toISOString(),
  };
}

/** Postgres numerics arrive as strings or numbers depending on the type; reports answer numbers. */
export const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
