import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { toBase64Url, toHex } from './ids';
import { ROLE_TYPES, type RoleType } from '../../db/schema/enums';
import { unauthorized } from './errors';

export const JWT_ALGORITHM = 'HS256';
export const JWT_ISSUER = 'attaqwamasjid-lms';
export const JWT_AUDIENCE = 'attaqwamasjid-lms-api';
/** Short: a blocked user or a stolen token stops working soon even without a database check. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;

/**
 * Who the token speaks for. The role and documentId ride in the token so a read can be built before the
 * database is asked; the database still confirms the user and `tokenVersion` in the read's own round trip
 * (a role change, a block or a new password raise the version, so a stale role never gets through).
 */
export interface AccessClaims {
  userId: number;
  documentId: string;
  role: RoleType;
  tokenVersion: number;
}

const isRole = (value: unknown): value is RoleType => (ROLE_TYPES as readonly unknown[]).includes(value);

function keyFrom(secret: string): Uint8Array {
  if (!secret || secret.length < 32) throw new Error('JWT_SECRET must be set to at least 32 characters');
  return new TextEncoder().encode(secret);
}

export async function signAccessToken(secret: string, claims: AccessClaims, now = Date.now()): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  return new SignJWT({ ver: claims.tokenVersion, doc: claims.documentId, role: claims.role })
    .setProtectedHeader({ alg: JWT_ALGORITHM, typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setIssuer(JWT_ISSUER)
    .setAudience(JWT_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ACCESS_TOKEN_SECONDS)
    .setJti(crypto.randomUUID())
    .sign(keyFrom(secret));
}

/** The algorithm is pinned: `alg: none` or an RS256 header signed with our secret as a public key fail here. */
export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(token, keyFrom(secret), {
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      requiredClaims: ['exp', 'iat', 'sub'],
    });
    const userId = Number(payload.sub);
    const { ver: tokenVersion, doc: documentId, role } = payload;
    if (
      !Number.isSafeInteger(userId) ||
      typeof tokenVersion !== 'number' ||
      typeof documentId !== 'string' ||
      !isRole(role)
    )
      throw unauthorized('Invalid token');
    return { userId, documentId, role, tokenVersion };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw unauthorized('Token expired');
    throw unauthorized('Invalid token');
  }
}

/** Refresh tokens are opaque random strings; the database keeps only their SHA-256. */
export function newRefreshToken(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function hashRefreshToken(token: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)));
}
