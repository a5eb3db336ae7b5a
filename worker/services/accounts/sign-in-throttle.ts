import { eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { authThrottles, roles, userProfiles, users } from '../../../db/schema';
import { ApiError } from '../../lib/errors';
import { matchesIdentifier, normalizedIdentifier, userColumns, type UserRecord } from './user-records';

export const MAX_FAILED_SIGN_INS = 10;
export const THROTTLE_WINDOW_SECONDS = 15 * 60;
/** Expired rows of other keys removed by each counted attempt: more than it adds, so the table stays small. */
const SWEEP_BATCH = 20;

const WINDOW = sql`make_interval(secs => ${THROTTLE_WINDOW_SECONDS})`;

/**
 * Adds one attempt to a key's row, starting a new window when the last one has passed. Concurrent
 * attempts queue on the row, so each one returns a distinct count.
 */
function addAttempt(key: SQL | string, returning: SQL = sql``): SQL {
  const live = sql`${authThrottles.windowStart} > now() - ${WINDOW}`;
  return sql`INSERT INTO ${authThrottles} (key, failures, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${live} THEN ${authThrottles.failures} + 1 ELSE 1 END,
      window_start = CASE WHEN ${live} THEN ${authThrottles.windowStart} ELSE now() END
    RETURNING key, failures, ceil(extract(epoch FROM window_start + ${WINDOW} - now()))::int AS retry_after${returning}`;
}

export interface CountedAttempt {
  key: string;
  /** Attempts in the current window, this one included. */
  attempts: number;
  /** Seconds until the window ends. */
  retryAfter: number;
}

export type SignInAttempt = CountedAttempt & {
  /** The account with its password hash; undefined when the identifier names none. */
  account: (UserRecord & { password: string }) | undefined;
};

/**
 * Counts a sign-in attempt BEFORE its password is judged, in one statement: finds the account, adds one
 * to the throttle row of the account (one key whether it is named by username or e-mail) or, when there
 * is no such account, of a hash of the normalised identifier, and answers the account with the count.
 * The same statement removes a few expired rows of other keys (SKIP LOCKED: sweeping never waits).
 */
export async function countSignInAttempt(db: Database, identifier: string): Promise<SignInAttempt> {
  const account = db
    .$with('account', { id: sql<number>`id`.as('id') })
    .as(sql`SELECT ${users.id} AS id FROM ${users} WHERE ${matchesIdentifier(identifier)} LIMIT 1`);
  const key = sql`coalesce('account:' || (SELECT id FROM account), 'identifier:' || encode(sha256(convert_to(${normalizedIdentifier(identifier)}, 'UTF8')), 'hex'))`;
  const swept = db.$with('swept', { key: sql<string>`key`.as('key') }).as(
    sql`DELETE FROM ${authThrottles} WHERE key IN (
      SELECT key FROM ${authThrottles} WHERE window_start <= now() - ${WINDOW} AND key <> ${key}
      ORDER BY window_start LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED) RETURNING key`,
  );
  const counted = db
    .$with('counted', {
      key: sql<string>`key`.as('key'),
      attempts: sql<number>`failures`.as('failures'),
      retryAfter: sql<number>`retry_after`.as('retry_after'),
      accountId: sql<number | null>`account_id`.as('account_id'),
    })
    .as(addAttempt(key, sql`, (SELECT id FROM account) AS account_id`));
  const [row] = await db
    .with(account, swept, counted)
    .select({
      key: counted.key,
      attempts: counted.attempts,
      retryAfter: counted.retryAfter,
      accountId: counted.accountId,
      ...userColumns,
      password: users.password,
    })
    .from(counted)
    .leftJoin(users, eq(users.id, counted.accountId))
    .leftJoin(roles, eq(roles.id, users.roleId))
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id));
  if (!row) throw new Error('the throttle upsert returned no row');
  const { key: rowKey, attempts, retryAfter, accountId, ...account_ } = row;
  return {
    key: rowKey,
    attempts,
    retryAfter,
    account: accountId === null ? undefined : (account_ as UserRecord & { password: string }),
  };
}

/** Counts an attempt at the password of an account already known (changing it asks for the current one). */
export async function countAccountAttempt(db: Database, accountId: number): Promise<CountedAttempt> {
  const result = await db.execute<{ key: string; failures: number; retry_after: number }>(
    addAttempt(`account:${accountId}`),
  );
  const row = result.rows[0]!;
  return { key: row.key, attempts: row.failures, retryAfter: row.retry_after };
}

/** An attempt over the limit is refused without judging its password. */
export function refuseWhenThrottled(attempt: CountedAttempt): void {
  if (attempt.attempts <= MAX_FAILED_SIGN_INS) return;
  throw new ApiError(
    429,
    'RateLimitError',
    'Too many failed sign-in attempts; try again later',
    {},
    { 'Retry-After': String(Math.max(1, attempt.retryAfter)) },
  );
}

/** A right password forgives the attempts before it. */
export async function clearAttempts(db: Database, key: string): Promise<void> {
  await db.delete(authThrottles).where(eq(authThrottles.key, key));
}
