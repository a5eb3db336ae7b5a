import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import {
  hashRefreshToken,
  JWT_AUDIENCE,
  JWT_ISSUER,
  newRefreshToken,
  signAccessToken,
  verifyAccessToken,
} from './tokens';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';
const key = new TextEncoder().encode(secret);

async function expectRefused(token: string, message = 'Invalid token') {
  const error = await verifyAccessToken(secret, token).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(401);
  expect((error as ApiError).message).toBe(message);
}

const claimsOf = { userId: 1, documentId: 'b23456789012345678901234', role: 'student', tokenVersion: 0 } as const;
// Every claim a valid token carries but the one a test leaves out or breaks.
const payload = { ver: 0, doc: claimsOf.documentId, role: claimsOf.role };

describe('access tokens', () => {
  it('round-trips the user id and token version', async () => {
    const token = await signAccessToken(secret, {
      userId: 42,
      documentId: 'a23456789012345678901234',
      role: 'parent',
      tokenVersion: 3,
    });
    expect(await verifyAccessToken(secret, token)).toEqual({
      userId: 42,
      documentId: 'a23456789012345678901234',
      role: 'parent',
      tokenVersion: 3,
    });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = new UnsecuredJWT({ ver: 0 })
      .setSubject('1')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .encode();
    await expectRefused(token);
  });

  it('refuses a token signed with another key', async () => {
    const token = await signAccessToken('another-secret-that-is-also-long-enough!!', claimsOf);
    await expectRefused(token);
  });

  it('refuses a token signed with another HMAC algorithm', async () => {
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('1')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
    await expectRefused(token);
  });

  it('refuses an expired token and says so', async () => {
    const token = await signAccessToken(secret, claimsOf, Date.now() - 3600_000);
    await expectRefused(token, 'Token expired');
  });

  it('refuses a token whose role or documentId claim is missing or not a role', async () => {
    const signed = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('1')
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);
    await expectRefused(await signed({ ...payload, role: 'superuser' }));
    await expectRefused(await signed({ ver: 0, doc: claimsOf.documentId }));
    await expectRefused(await signed({ ver: 0, role: 'admin' }));
  });

  it('refuses a token for another audience or issuer', async () => {
    const base = () =>
      new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setSubject('1').setIssuedAt().setExpirationTime('1h');
    await expectRefused(await base().setIssuer(JWT_ISSUER).setAudience('someone-else').sign(key));
    await expectRefused(await base().setIssuer('someone-else').setAudience(JWT_AUDIENCE).sign(key));
  });

  it('refuses a token without an expiry', async () => {
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .sign(key);
    await expectRefused(token);
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await signAccessToken(secret, claimsOf)).split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: '2', ver: 0, iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: 1, exp: 9999999999 }),
    ).toString('base64url');
    await expectRefused(`${header}.${payload}.${signature}`);
  });

  it('will not sign with a short secret', async () => {
    await expect(signAccessToken('short', claimsOf)).rejects.toThrow(/at least 32/);
  });
});

describe('refresh tokens', () => {
  it('are 256-bit random strings stored only as a SHA-256 hex digest', async () => {
    const token = newRefreshToken();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(newRefreshToken()).not.toBe(token);
    expect(await hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});
