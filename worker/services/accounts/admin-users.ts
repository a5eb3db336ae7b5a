import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { guardianLinks, roles, userProfiles, users } from '../../../db/schema';
import type { RoleType } from '../../../db/schema/enums';
import type { AdminUser, AdminUserDetail } from '../../contract/admin';
import type { ListAnswer } from '../../contract/wire';
import { badRequest } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';
import type { AuditContext } from '../audit/activity-log';
import { listOpenPairingCodes } from './pairing-codes';
import { presentUser, selectUsers, type UserRecord } from './user-records';
import type { NewAccount } from './accounts';
import { createUserRecorded, updateUserRecorded } from './user-writes';

export interface UserSearch {
  q?: string;
  role?: RoleType;
  blocked?: boolean;
  sort: 'username' | 'createdAt';
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** `%` and `_` typed by an admin are letters, not wildcards. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export function presentAdminUser(user: UserRecord, viewer: AuditContext['actor']): AdminUser {
  return { ...presentUser(user, viewer), mustChangePassword: user.mustChangePassword };
}

/** Accounts by name, username, e-mail or documentId, role and blocked state, a page at a time with the total. */
export async function searchUsers(
  db: Database,
  viewer: AuditContext['actor'],
  search: UserSearch,
): Promise<ListAnswer<AdminUser>> {
  const conditions: (SQL | undefined)[] = [
    search.role && eq(roles.type, search.role),
    search.blocked === undefined ? undefined : eq(users.blocked, search.blocked),
  ];
  if (search.q) {
    const pattern = containing(search.q);
    conditions.push(
      or(
        ilike(users.username, pattern),
        ilike(users.email, pattern),
        ilike(userProfiles.fullName, pattern),
        eq(users.documentId, search.q),
      ),
    );
  }
  const where = and(...conditions);
  const order = search.direction === 'desc' ? desc : asc;
  const rows = await selectUsers(db, { total: sql<number>`(count(*) OVER ())::int` })
    .where(where)
    .orderBy(order(search.sort === 'username' ? sql`lower(${users.username})` : users.createdAt), asc(users.id))
    .offset((search.page - 1) * search.pageSize)
    .limit(search.pageSize);
  // Past the last page the window count has no row to ride on: count on its own.
  const total =
    rows[0]?.total ??
    (search.page > 1
      ? ((
          await db
            .select({ n: sql<number>`count(*)::int` })
            .from(users)
            .innerJoin(roles, eq(roles.id, users.roleId))
            .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
            .where(where)
        )[0]?.n ?? 0)
      : 0);
  return {
    data: rows.map(({ total: _total, ...user }) => presentAdminUser(user, viewer)),
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

const other = alias(users, 'other');

/** One account with its family: parents, children, and the pairing codes still open for it. */
export async function userDetail(db: Database, audit: AuditContext, user: UserRecord): Promise<AdminUserDetail> {
  const family = await db
    .select({
      relation: sql<'parent' | 'child'>`CASE WHEN ${guardianLinks.childId} = ${user.id} THEN 'parent' ELSE 'child' END`,
      documentId: other.documentId,
      username: other.username,
      linkedAt: guardianLinks.createdAt,
    })
    .from(guardianLinks)
    .innerJoin(
      other,
      sql`${other.id} = CASE WHEN ${guardianLinks.childId} = ${user.id} THEN ${guardianLinks.parentId} ELSE ${guardianLinks.childId} END`,
    )
    .where(or(eq(guardianLinks.parentId, user.id), eq(guardianLinks.childId, user.id)))
    .orderBy(other.username);
  const member = (row: (typeof family)[number]) => ({
    documentId: row.documentId,
    username: row.username,
    linkedAt: row.linkedAt.toISOString(),
  });
  return {
    ...presentAdminUser(user, audit.actor),
    parents: family.filter((row) => row.relation === 'parent').map(member),
    children: family.filter((row) => row.relation === 'child').map(member),
    pairingCodes: user.role === 'student' ? await listOpenPairingCodes(db, audit, ['all'], user.documentId) : [],
  };
}

/**
 * An admin never changes their own role or blocks themself here: the school cannot lose its last admin
 * by a slip of the hand, and another admin can always do it.
 */
function refuseSelf(audit: AuditContext, target: UserRecord, what: string) {
  if (target.id === audit.actor.id) throw badRequest(`You cannot ${what} your own account`);
}

export async function changeRole(db: Database, audit: AuditContext, target: UserRecord, role: RoleType) {
  refuseSelf(audit, target, 'change the role of');
  return updateUserRecorded(db, audit, target, { role });
}

export async function setBlocked(db: Database, audit: AuditContext, target: UserRecord, blocked: boolean) {
  refuseSelf(audit, target, blocked ? 'block' : 'unblock');
  return updateUserRecorded(db, audit, target, { blocked });
}

/**
 * An admin creates any account (children without e-mail included); with `mustChangePassword` the password
 * given is a temporary one and the first sign-in asks for a new one.
 */
export async function createAccountAsAdmin(
  db: Database,
  audit: AuditContext,
  scopes: readonly Scope[],
  input: Omit<NewAccount, 'parentId' | 'createdById'> & { parent?: number | string },
  mustChangePassword: boolean,
): Promise<UserRecord> {
  return db.transaction(async (tx) => {
    const created = await createUserRecorded(tx, audit, scopes, input);
    if (!mustChangePassword) return created;
    await tx.update(users).set({ mustChangePassword: true }).where(eq(users.id, created.id));
    return { ...created, mustChangePassword: true };
  });
}
