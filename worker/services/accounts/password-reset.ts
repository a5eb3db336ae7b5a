import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { users } from '../../../db/schema';
import type { SignInAnswer } from '../../contract/users';
import { badRequest } from '../../lib/errors';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { verifyPasswordResetToken } from '../../lib/password-reset-tokens';
import { readableCode } from '../../lib/readable-codes';
import { countDailyLogin } from '../learning/daily-login';
import { recordActivity, type AuditContext } from '../audit/activity-log';
import { revokeAllSessions } from './sessions';
import { issueTokens } from './sign-in';
import { findUserById, toAuthUser, type UserRecord } from './user-records';

/**
 * An admin resets a password: the account gets a temporary one (theirs, or one made here to read out, e.g.
 * "K7QF-9XA2-MP3T"), every session ends, and the user must choose a new password at their next sign-in.
 * The temporary password is answered once and never stored or logged in clear.
 */
export async function resetPassword(
  db: Database,
  audit: AuditContext,
  target: UserRecord,
  temporaryPassword?: string,
): Promise<{ temporaryPassword: string; user: UserRecord }> {
  if (target.id === audit.actor.id) throw badRequest('Change your own password from your profile, not by a reset');
  const password = temporaryPassword ?? readableCode(3, 4);
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ password: hash, mustChangePassword: true, tokenVersion: sql`${users.tokenVersion} + 1` })
      .where(eq(users.id, target.id));
    await revokeAllSessions(tx, target.id);
    await recordActivity(tx, audit, {
      action: 'password_reset',
      entityType: 'users',
      entityDocumentId: target.documentId,
      summary: 'password reset by an admin; a new one is chosen at the next sign-in',
      changedFields: ['password'],
    });
    return { temporaryPassword: password, user: (await findUserById(tx, target.id))! };
  });
}

const INVALID_CODE = 'This reset code is not valid any more: sign in again with the temporary password';

/**
 * The second half of a reset: with the code that signing in with the temporary password answered, the
 * user sets their own password and is signed in. The code is good for ten minutes and once (it names the
 * account's token version, which this raises).
 */
export async function completePasswordReset(
  db: Database,
  jwtSecret: string,
  input: { code: string; password: string },
  context: { origin: string; userAgent?: string; requestId: string },
): Promise<SignInAnswer> {
  const claims = await verifyPasswordResetToken(jwtSecret, input.code);
  if (!claims) throw badRequest(INVALID_CODE);
  const [account] = await db
    .select({
      hash: users.password,
      tokenVersion: users.tokenVersion,
      flagged: users.mustChangePassword,
      blocked: users.blocked,
    })
    .from(users)
    .where(eq(users.id, claims.userId));
  if (!account || account.blocked || !account.flagged || account.tokenVersion !== claims.tokenVersion)
    throw badRequest(INVALID_CODE);
  if (await verifyPassword(input.password, account.hash))
    throw badRequest('password: choose a password other than the temporary one', {
      errors: [{ path: ['password'], message: 'must differ from the temporary password', name: 'ValidationError' }],
    });
  const hash = await hashPassword(input.password);
  const user = await db.transaction(async (tx) => {
    // The version check makes the code single-use even when it is sent twice at once.
    const changed = await tx
      .update(users)
      .set({ password: hash, mustChangePassword: false, tokenVersion: sql`${users.tokenVersion} + 1` })
      .where(
        and(
          eq(users.id, claims.userId),
          eq(users.tokenVersion, claims.tokenVersion),
          eq(users.mustChangePassword, true),
        ),
      )
      .returning({ id: users.id });
    if (!changed.length) throw badRequest(INVALID_CODE);
    const record = (await findUserById(tx, claims.userId))!;
    await recordActivity(
      tx,
      { actor: toAuthUser(record), requestId: context.requestId },
      {
        action: 'password_change',
        entityType: 'users',
        entityDocumentId: record.documentId,
        summary: 'new password chosen after a reset',
        changedFields: ['password'],
      },
    );
    return record;
  });
  await countDailyLogin(db, toAuthUser(user), context.origin);
  return issueTokens(db, jwtSecret, user, context.userAgent);
}
