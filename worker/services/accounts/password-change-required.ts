import { ApiError } from '../../lib/errors';
import { PASSWORD_RESET_TOKEN_SECONDS, signPasswordResetToken } from '../../lib/password-reset-tokens';
import type { UserRecord } from './user-records';

/**
 * The answer to a correct sign-in on an account whose password an admin reset: no session, but a code that
 * lets POST /api/auth/reset-password set the new password (which then signs the user in).
 */
export async function passwordChangeRequired(jwtSecret: string, user: UserRecord): Promise<ApiError> {
  const code = await signPasswordResetToken(jwtSecret, { userId: user.id, tokenVersion: user.tokenVersion });
  return new ApiError(
    403,
    'PasswordChangeRequiredError',
    'Your password was reset by the school: choose a new one to continue',
    { code, expiresIn: PASSWORD_RESET_TOKEN_SECONDS },
  );
}
