import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { CourseRef, ReportMeta } from '../../contract/analytics';
import type { AuthUser } from '../../env';
import { notFound } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';

/**
 * The courses a report covers. Teachers ("own") get the courses they own; admins ("all") the whole
 * school. `course` narrows either to one course, and a course outside the caller's scope is reported
 * missing (404), like one that does not exist.
 */
export interface CourseScope {
  /** null: every course (an admin without ?course=). */
  courseIds: number[] | null;
  course: CourseRef | null;
}

type Row = { id: number; document_id: string; title: string };

export async function resolveCourseScope(
  db: Database,
  viewer: AuthUser,
  scopes: readonly Scope[],
  course?: string,
): Promise<CourseScope> {
  const everything = scopes.includes('all');
  if (everything && course === undefined) return { courseIds: null, course: null };
  const conditions: SQL[] = [];
  if (!everything) conditions.push(sql`c.created_by_id = ${viewer.id}`);
  if (course !== undefined) conditions.push(sql`c.document_id = ${course}`);
  const rows = await db.execute<Row>(
    sql`SELECT c.id, c.document_id, c.title FROM courses c WHERE ${sql.join(conditions, sql` AND `)} ORDER BY c.id`,
  );
  if (course !== undefined) {
    const found = rows.rows[0];
    if (!found) throw notFound(`No course ${course}`);
    return { courseIds: [found.id], course: { documentId: found.document_id, title: found.title } };
  }
  return { courseIds: rows.rows.map((r) => r.id), course: null };
}

/** `column IN scope`, or nothing for the whole school. The ids travel as one array parameter. */
export function inScope(column: SQL, scope: CourseScope): SQL {
  if (scope.courseIds === null) return sql`true`;
  return sql`${column} = ANY(${`{${scope.courseIds.join(',')}}`}::int[])`;
}

export function scopeMeta(scope: CourseScope): ReportMeta['scope'] {
  return { course: scope.course, courses: scope.courseIds === null ? 'all' : scope.courseIds.length };
}
