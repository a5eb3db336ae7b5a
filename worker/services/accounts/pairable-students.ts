import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { courseEnrollments, courses, pairingCodes, roles, userProfiles, users } from '../../../db/schema';
import type { PairableStudent } from '../../contract/families';
import type { ListAnswer } from '../../contract/wire';
import type { Scope } from '../../policy/permissions';
import type { AuditContext } from '../audit/activity-log';
import { pairableScope } from './pairing-codes';

export interface PairableStudentSearch {
  /** Part of a username or full name. */
  q?: string;
  page: number;
  pageSize: number;
}

/** `%` and `_` typed by a teacher are letters, not wildcards. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * The students the actor may issue pairing codes for (the same rule as issuing: a teacher's own students,
 * an admin's every student), a page at a time, each with the courses that make them the actor's student
 * and the expiry of any code still open for them.
 */
export async function listPairableStudents(
  db: Database,
  audit: AuditContext,
  scopes: readonly Scope[],
  search: PairableStudentSearch,
): Promise<ListAnswer<PairableStudent>> {
  const teacherOnly = scopes.includes('all') ? sql`true` : sql`c.created_by_id = ${audit.actor.id}`;
  const where = and(
    eq(roles.type, 'student'),
    pairableScope(audit.actor.id, scopes),
    search.q
      ? or(ilike(users.username, containing(search.q)), ilike(userProfiles.fullName, containing(search.q)))
      : undefined,
  );
  const rows = await db
    .select({
      documentId: users.documentId,
      username: users.username,
      fullName: userProfiles.fullName,
      courses: sql<PairableStudent['courses']>`coalesce((
        SELECT json_agg(json_build_object('documentId', c.document_id, 'title', c.title) ORDER BY c.title)
        FROM ${courseEnrollments} e JOIN ${courses} c ON c.id = e.course_id
        WHERE e.user_id = ${users.id} AND e.status <> 'dropped' AND ${teacherOnly}), '[]'::json)`,
      openCodeExpiresAt: sql<string | null>`(
        SELECT to_char(max(p.expires_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM ${pairingCodes} p
        WHERE p.child_id = ${users.id} AND p.used_at IS NULL AND p.revoked_at IS NULL AND p.expires_at > now())`,
      total: sql<number>`(count(*) OVER ())::int`,
    })
    .from(users)
    .innerJoin(roles, eq(roles.id, users.roleId))
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .where(where)
    .orderBy(asc(sql`lower(coalesce(${userProfiles.fullName}, ${users.username}))`), asc(users.id))
    .offset((search.page - 1) * search.pageSize)
    .limit(search.pageSize);
  const total = rows[0]?.total ?? 0;
  return {
    data: rows.map(({ total: _total, ...student }) => student),
    meta: {
      pagination: {
        page: search.page,
        pageSize: search.pageSize,
        pageCount: Math.ceil(total / search.pageSize),
        total,
      },
    },
  };
}
