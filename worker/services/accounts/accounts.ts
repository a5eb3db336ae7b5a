import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { guardianLinks, roles, userProfiles, users } from '../../../db/schema';
import type { RoleType } from '../../../db/schema/enums';
import { badRequest } from '../../lib/errors';
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from '../../lib/passwords';
import { clearAttempts, countAccountAttempt, countSignInAttempt, refuseWhenThrottled } from './sign-in-throttle';
import { findUserById, matchesIdentifier, type UserRecord } from './user-records';

/** Strapi's own wording: the same message whether the account is unknown or the password wrong. */
const INVALID_CREDENTIALS = 'Invalid identifier or password';

/**
 * Checks a sign-in. The attempt is counted first, in the same statement that finds the account (with
 * everything the answer needs), so concurrent guesses cannot outrun the count: past the limit an
 * attempt is refused before any password is judged. An unknown account still costs one PBKDF2 run, so
 * neither the answer nor its timing tells whether it exists. A right password clears the count.
 */
export async function authenticate(db: Database, identifier: string, password: string): Promise<UserRecord> {
  const attempt = await countSignInAttempt(db, identifier);
  refuseWhenThrottled(attempt);
  const account = attempt.account;
  const ok = await verifyPassword(password, account?.password ?? DUMMY_PASSWORD_HASH);
  if (!ok || !account) throw badRequest(INVALID_CREDENTIALS);
  if (account.blocked) throw badRequest('Your account has been blocked by an administrator');
  await clearAttempts(db, attempt.key);
  if (needsRehash(account.password)) {
    await db
      .update(users)
      .set({ password: await hashPassword(password) })
      .where(eq(users.id, account.id));
  }
  const { password: _hash, ...user } = account;
  return user;
}

/**
 * Judges a user's current password where an action asks for it (changing the password), under the same
 * throttle as signing in: the attempt counts on the account before the password is judged.
 */
export async function confirmCurrentPassword(db: Database, userId: number, password: string): Promise<void> {
  const attempt = await countAccountAttempt(db, userId);
  refuseWhenThrottled(attempt);
  const [row] = await db.select({ password: users.password }).from(users).where(eq(users.id, userId));
  if (!row || !(await verifyPassword(password, row.password))) {
    throw badRequest('The current password is not right', {
      errors: [{ path: ['currentPassword'], message: 'not the current password', name: 'ValidationError' }],
    });
  }
  await clearAttempts(db, attempt.key);
}

export interface NewAccount {
  username: string;
  email?: string | null;
  password: string;
  role: RoleType;
  fullName?: string | null;
  dateOfBirth?: string | null;
  ageTier?: 'children' | 'youth' | 'adults' | 'all' | null;
  timeZone?: string;
  /** A parent to link the new account to (child accounts). */
  parentId?: number;
  createdById?: number;
}

/** Creates a user, their profile and (for a child) the guardian link, in one transaction. */
export async function createAccount(db: Database, account: NewAccount): Promise<UserRecord> {
  const passwordHash = await hashPassword(account.password);
  const id = await db.transaction(async (tx) => {
    const taken = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        account.email
          ? sql`${matchesIdentifier(account.username)} OR ${matchesIdentifier(account.email)}`
          : matchesIdentifier(account.username),
      )
      .limit(1);
    if (taken.length > 0) throw badRequest('Email or Username are already taken');
    const [created] = await tx
      .insert(users)
      .values({
        username: account.username,
        // Lower-cased by Postgres, as every comparison is (user-records.ts).
        email: account.email ? sql`lower(${account.email})` : null,
        password: passwordHash,
        roleId: sql`(SELECT ${roles.id} FROM ${roles} WHERE ${roles.type} = ${account.role})`,
        createdById: account.createdById,
      })
      .returning({ id: users.id });
    if (!created) throw new Error('insert returned no row');
    await tx.insert(userProfiles).values({
      userId: created.id,
      fullName: account.fullName ?? null,
      dateOfBirth: account.dateOfBirth ?? null,
      ageTier: account.ageTier ?? null,
      timeZone: account.timeZone ?? 'UTC',
    });
    if (account.parentId) {
      await tx
        .insert(guardianLinks)
        .values({ parentId: account.parentId, childId: created.id, createdById: account.createdById });
    }
    return created.id;
  });
  const user = await findUserById(db, id);
  if (!user) throw new Error('created user not found');
  return user;
}

export async function isGuardianOf(db: Database, parentId: number, childId: number): Promise<boolean> {
  const rows = await db
    .select({ childId: guardianLinks.childId })
    .from(guardianLinks)
    .where(and(eq(guardianLinks.parentId, parentId), eq(guardianLinks.childId, childId)))
    .limit(1);
  return rows.length > 0;
}
