import type { Database } from '../../../db/client';
import type { RefreshAnswer, SignInAnswer } from '../../contract/users';
import { badRequest, notFound, unauthorized } from '../../lib/errors';
import { signAccessToken } from '../../lib/tokens';
import { countDailyLogin } from '../learning/daily-login';
import type { AuthUser } from '../../env';
import { authenticate } from './accounts';
import { passwordChangeRequired } from './password-change-required';
import { rotateSession, startSession } from './sessions';
import { findUserById, presentUser, toAuthUser, type UserRecord } from './user-records';
import { updateUser } from './users';

const accessClaims = (user: UserRecord) => ({
  userId: user.id,
  documentId: user.documentId,
  role: user.role,
  tokenVersion: user.tokenVersion,
});

/** A new device session for the user: an access token, a refresh token, and who they are. */
export async function issueTokens(
  db: Database,
  jwtSecret: string,
  user: UserRecord,
  userAgent?: string,
): Promise<SignInAnswer> {
  const refreshToken = await startSession(db, user.id, userAgent);
  const jwt = await signAccessToken(jwtSecret, accessClaims(user));
  return { jwt, refreshToken, user: presentUser(user, { id: user.id, role: user.role }) };
}

/** Signing in with a username or e-mail: the account is checked, and the sign-in counts for the learner's day. */
export async function signIn(
  db: Database,
  credentials: { identifier: string; password: string },
  context: { jwtSecret: string; origin: string; userAgent?: string },
): Promise<SignInAnswer> {
  const user = await authenticate(db, credentials.identifier, credentials.password);
  if (user.mustChangePassword) throw await passwordChangeRequired(context.jwtSecret, user);
  await countDailyLogin(db, toAuthUser(user), context.origin);
  return issueTokens(db, context.jwtSecret, user, context.userAgent);
}

/** The next access token of a device session; a blocked user's session ends here. */
export async function refreshSession(db: Database, jwtSecret: string, refreshToken: string): Promise<RefreshAnswer> {
  const rotated = await rotateSession(db, refreshToken);
  const user = await findUserById(db, rotated.userId);
  if (!user || user.blocked || user.mustChangePassword) throw unauthorized('Invalid refresh token');
  const jwt = await signAccessToken(jwtSecret, accessClaims(user));
  return { jwt, refreshToken: rotated.refreshToken };
}

/** Users change their own password (the current one is asked); other devices are signed out, this one is not. */
export async function changeOwnPassword(
  db: Database,
  actor: AuthUser,
  passwords: { currentPassword: string; password: string },
  context: { jwtSecret: string; userAgent?: string },
): Promise<SignInAnswer> {
  if (passwords.password === passwords.currentPassword)
    throw badRequest('Your new password must be different from your current password', {
      errors: [{ path: ['password'], message: 'same as the current password', name: 'ValidationError' }],
    });
  const self = await findUserById(db, actor.id);
  if (!self) throw notFound('User not found');
  const updated = await updateUser(db, actor, self, passwords);
  return issueTokens(db, context.jwtSecret, updated, context.userAgent);
}
