import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { authThrottles, guardianLinks, roles, userProfiles, users } from '../../../db/schema';
import type { RoleType } from '../../../db/schema/enums';
import { ApiError, badRequest } from '../../lib/errors';
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from '../../lib/passwords';
import { findUserById, matchesIdentifier, selectUsers, type UserRecord } from './user-records';

export const MAX_FAILED_SIGN_INS = 10;
export const THROTTLE_WINDOW_SECONDS = 15 * 60;

/** Strapi's own wording: the same message whether the account is unknown or the password wrong. */
const INVALID_CREDENTIALS = 'Invalid identifier or password';

/**
 * Checks a sign-in. The account (with everything the answer needs) and its throttle state come back in
 * one round trip; an unknown identifier takes a second read for its throttle state. An unknown account
 * still costs one PBKDF2 run, so neither the answer nor its timing tells whether it exists.
 */
export async function authenticate(db: Database, identifier: string, password: string): Promise<UserRecord> {
  const throttleKey = `sign-in:${identifier.toLowerCase()}`;
  const recentFailures = sql`t.key = ${throttleKey} AND t.window_start > now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS})`;
  const throttle = {
    failures: sql<number | null>`(SELECT t.failures FROM ${authThrottles} t WHERE ${recentFailures})`,
    retryAfter: sql<
      number | null
    >`(SELECT ceil(extract(epoch FROM t.window_start + make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) - now()))::int FROM ${authThrottles} t WHERE ${recentFailures})`,
  };
  const [account] = await selectUsers(db, { password: users.password, ...throttle })
    .where(matchesIdentifier(identifier))
    .limit(1);
  const [state] = account ? [account] : await db.select(throttle).from(sql`(SELECT 1) AS one`);
  if (state?.failures != null && state.failures >= MAX_FAILED_SIGN_INS) {
    throw new ApiError(
      429,
      'RateLimitError',
      'Too many failed sign-in attempts; try again later',
      {},
      { 'Retry-After': String(Math.max(1, state.retryAfter ?? THROTTLE_WINDOW_SECONDS)) },
    );
  }
  const ok = await verifyPassword(password, account?.password ?? DUMMY_PASSWORD_HASH);
  if (!ok || !account) {
    await recordFailedSignIn(db, throttleKey);
    throw badRequest(INVALID_CREDENTIALS);
  }
  if (account.blocked) throw badRequest('Your account has been blocked by an administrator');
  if (account.failures) await db.delete(authThrottles).where(eq(authThrottles.key, throttleKey));
  if (needsRehash(account.password)) {
    await db
      .update(users)
      .set({ password: await hashPassword(password) })
      .where(eq(users.id, account.id));
  }
  const { password: _hash, failures: _failures, retryAfter: _retryAfter, ...user } = account;
  return user;
}

async function recordFailedSignIn(db: Database, key: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO ${authThrottles} (key, failures, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${authThrottles.windowStart} > now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) THEN ${authThrottles.failures} + 1 ELSE 1 END,
      window_start = CASE WHEN ${authThrottles.windowStart} > now() - make_interval(secs => ${THROTTLE_WINDOW_SECONDS}) THEN ${authThrottles.windowStart} ELSE now() END`);
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
        email: account.email?.toLowerCase() ?? null,
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
