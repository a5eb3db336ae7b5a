import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { guardianLinks, roles, userProfiles, users } from '../../../db/schema';
import type { AuthUser } from '../../env';
import { badRequest, forbidden, notFound } from '../../lib/errors';
import { hashPassword } from '../../lib/passwords';
import type { Scope } from '../../policy/permissions';
import { confirmCurrentPassword, createAccount, type NewAccount } from './accounts';
import { revokeAllSessions } from './sessions';
import { findUserById, matchesIdentifier, selectUsers, type UserRecord } from './user-records';

/** The rows of `users` that the given scopes open to the viewer, as one predicate. */
export function userScopePredicate(viewer: AuthUser, scopes: readonly Scope[]): SQL | undefined {
  if (scopes.includes('all')) return undefined;
  const parts: SQL[] = [];
  if (scopes.includes('self')) parts.push(eq(users.id, viewer.id));
  if (scopes.includes('children')) {
    parts.push(
      inArray(
        users.id,
        sql`(SELECT ${guardianLinks.childId} FROM ${guardianLinks} WHERE ${guardianLinks.parentId} = ${viewer.id})`,
      ),
    );
  }
  if (scopes.includes('students')) parts.push(eq(roles.type, 'student'));
  return parts.length ? or(...parts) : sql`false`;
}

export async function listUsers(
  db: Database,
  viewer: AuthUser,
  scopes: readonly Scope[],
  page: { start: number; limit: number },
) {
  return selectUsers(db)
    .where(userScopePredicate(viewer, scopes))
    .orderBy(users.id)
    .offset(page.start)
    .limit(page.limit);
}

export function parseUserKey(key: string): SQL {
  return /^\d+$/.test(key) ? eq(users.id, Number(key)) : eq(users.documentId, key);
}

/** A user outside the viewer's scopes is reported as missing, not forbidden: existence is not leaked. */
export async function findVisibleUser(
  db: Database,
  viewer: AuthUser,
  scopes: readonly Scope[],
  key: string,
): Promise<UserRecord> {
  const [row] = await selectUsers(db).where(and(parseUserKey(key), userScopePredicate(viewer, scopes)));
  if (!row) throw notFound('User not found');
  return row;
}

async function resolveParent(db: Database, key: number | string): Promise<number> {
  const [row] = await selectUsers(db).where(parseUserKey(String(key)));
  if (!row || row.role !== 'parent')
    throw badRequest('parent must name a parent account', {
      errors: [{ path: ['parent'], message: 'not a parent account' }],
    });
  return row.id;
}

/**
 * Admins create any account; teachers create student accounts (optionally linked to a parent); a parent
 * creates a child, who is linked to them. Children may have no e-mail address.
 */
export async function createUserAs(
  db: Database,
  actor: AuthUser,
  scopes: readonly Scope[],
  input: Omit<NewAccount, 'parentId' | 'createdById'> & { parent?: number | string },
): Promise<UserRecord> {
  if (!scopes.includes('all') && input.role !== 'student')
    throw forbidden(`A ${actor.role} may only create student accounts`);
  let parentId: number | undefined;
  if (actor.role === 'parent') {
    if (input.parent !== undefined && String(input.parent) !== String(actor.id) && input.parent !== actor.documentId) {
      throw forbidden('A parent may only link a child to themself');
    }
    parentId = actor.id;
  } else if (input.parent !== undefined) {
    parentId = await resolveParent(db, input.parent);
  }
  const { parent: _parent, ...account } = input;
  return createAccount(db, { ...account, parentId, createdById: actor.id });
}

export interface UserChanges {
  username?: string;
  email?: string | null;
  password?: string;
  /** Asked when users change their own password (not when an admin resets someone else's). */
  currentPassword?: string;
  blocked?: boolean;
  confirmed?: boolean;
  role?: UserRecord['role'];
  fullName?: string | null;
  timeZone?: string;
}

const ADMIN_ONLY_FIELDS = ['blocked', 'confirmed', 'role'] as const;

/**
 * Who is setting a password: its owner, who must give the current one, or an admin resetting someone
 * else's, who cannot know it (a reset may later also oblige the owner to choose a new one at sign-in).
 */
export function passwordChangeBy(actor: AuthUser, target: UserRecord): 'owner' | 'admin reset' {
  return actor.id !== target.id && actor.role === 'admin' ? 'admin reset' : 'owner';
}

/** Blocking, a new role or a new password end every session and invalidate issued access tokens. */
export async function updateUser(
  db: Database,
  actor: AuthUser,
  target: UserRecord,
  changes: UserChanges,
): Promise<UserRecord> {
  await checkUserChanges(db, actor, target, changes);
  return applyUserChanges(db, target, changes);
}

/**
 * Whether the actor may make these changes: admin-only fields, the current password when the owner sets
 * a new one, and names already taken. Run it before the transaction that applies them: a wrong current
 * password must stay counted by the sign-in throttle even though the change is refused.
 */
export async function checkUserChanges(
  db: Database,
  actor: AuthUser,
  target: UserRecord,
  changes: UserChanges,
): Promise<void> {
  if (actor.role !== 'admin') {
    const refused = ADMIN_ONLY_FIELDS.filter((field) => changes[field] !== undefined);
    if (refused.length) throw forbidden(`Only an admin may change ${refused.join(', ')}`);
  }
  if (changes.password !== undefined && passwordChangeBy(actor, target) === 'owner') {
    if (changes.currentPassword === undefined)
      throw badRequest('currentPassword is required to change your password', {
        errors: [{ path: ['currentPassword'], message: 'required', name: 'ValidationError' }],
      });
    await confirmCurrentPassword(db, target.id, changes.currentPassword);
  }
  if (changes.username || changes.email) {
    const clash = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          sql`${users.id} <> ${target.id}`,
          or(
            changes.username ? matchesIdentifier(changes.username) : undefined,
            changes.email ? matchesIdentifier(changes.email) : undefined,
          ),
        ),
      )
      .limit(1);
    if (clash.length) throw badRequest('Email or Username are already taken');
  }
}

/** Applies checked changes (checkUserChanges), in one transaction. */
export async function applyUserChanges(db: Database, target: UserRecord, changes: UserChanges): Promise<UserRecord> {
  const invalidates =
    changes.blocked === true ||
    changes.password !== undefined ||
    (changes.role !== undefined && changes.role !== target.role);
  await db.transaction(async (tx) => {
    const userSet: PgUpdateSetSource<typeof users> = {};
    if (changes.username !== undefined) userSet.username = changes.username;
    if (changes.email !== undefined) userSet.email = changes.email ? sql`lower(${changes.email})` : null;
    if (changes.password !== undefined) userSet.password = await hashPassword(changes.password);
    if (changes.blocked !== undefined) userSet.blocked = changes.blocked;
    if (changes.confirmed !== undefined) userSet.confirmed = changes.confirmed;
    if (changes.role !== undefined)
      userSet.roleId = sql`(SELECT ${roles.id} FROM ${roles} WHERE ${roles.type} = ${changes.role})`;
    if (invalidates) userSet.tokenVersion = sql`${users.tokenVersion} + 1`;
    if (Object.keys(userSet).length) await tx.update(users).set(userSet).where(eq(users.id, target.id));
    if (changes.fullName !== undefined || changes.timeZone !== undefined) {
      await tx
        .update(userProfiles)
        .set({
          ...(changes.fullName !== undefined && { fullName: changes.fullName }),
          ...(changes.timeZone !== undefined && { timeZone: changes.timeZone }),
        })
        .where(eq(userProfiles.userId, target.id));
    }
    if (invalidates) await revokeAllSessions(tx, target.id);
  });
  const updated = await findUserById(db, target.id);
  if (!updated) throw notFound('User not found');
  return updated;
}

export async function deleteUser(db: Database, actor: AuthUser, target: UserRecord): Promise<void> {
  if (target.id === actor.id) throw badRequest('You cannot delete your own account here');
  await db.delete(users).where(eq(users.id, target.id));
}
