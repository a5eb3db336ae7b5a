import { jwtVerify, SignJWT } from 'jose';
import { JWT_ALGORITHM, JWT_ISSUER } from './tokens';

/**
 * After an admin resets a password, signing in with it yields this instead of a session: a short-lived
 * token whose audience is not the API's, so the authentication middleware refuses it everywhere; only
 * POST /api/auth/reset-password takes it, to set the new password. It carries the account's token_version,
 * which that change raises: the token works once.
 */
const AUDIENCE = 'attaqwamasjid-lms-password-reset';
export const PASSWORD_RESET_TOKEN_SECONDS = 10 * 60;

function keyFrom(secret: string): Uint8Array {
  if (!secret || secret.length < 32) throw new Error('JWT_SECRET must be set to at least 32 characters');
  return new TextEncoder().encode(secret);
}

export async function signPasswordResetToken(
  secret: string,
  claims: { userId: number; tokenVersion: number },
  now = Date.now(),
): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ ver: claims.tokenVersion })
    .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setIssuer(JWT_ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + PASSWORD_RESET_TOKEN_SECONDS)
    .sign(keyFrom(secret));
}

/** The account and version the token was issued for, or null when it is not a valid reset token. */
export async function verifyPasswordResetToken(
  secret: string,
  token: string,
): Promise<{ userId: number; tokenVersion: number } | null> {
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), {
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    const userId = Number(payload.sub);
    if (!Number.isSafeInteger(userId) || typeof payload.ver !== 'number') return null;
    return { userId, tokenVersion: payload.ver };
  } catch {
    return null;
  }
}
