import { describe, expect, it } from 'vitest';
import { signAccessToken, verifyAccessToken } from './tokens';
import {
  PASSWORD_RESET_TOKEN_SECONDS,
  signPasswordResetToken,
  verifyPasswordResetToken,
} from './password-reset-tokens';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';

describe('password reset tokens', () => {
  it('carry the account and its token version', async () => {
    const token = await signPasswordResetToken(secret, { userId: 7, tokenVersion: 3 });
    expect(await verifyPasswordResetToken(secret, token)).toEqual({ userId: 7, tokenVersion: 3 });
  });

  it('are not access tokens, and access tokens are not reset tokens', async () => {
    const reset = await signPasswordResetToken(secret, { userId: 7, tokenVersion: 3 });
    await expect(verifyAccessToken(secret, reset)).rejects.toMatchObject({ status: 401 });
    const access = await signAccessToken(secret, {
      userId: 7,
      documentId: 'c23456789012345678901234',
      role: 'student',
      tokenVersion: 3,
    });
    expect(await verifyPasswordResetToken(secret, access)).toBeNull();
  });

  it('expire after ten minutes and need our secret', async () => {
    const old = await signPasswordResetToken(
      secret,
      { userId: 7, tokenVersion: 3 },
      Date.now() - (PASSWORD_RESET_TOKEN_SECONDS + 5) * 1000,
    );
    expect(await verifyPasswordResetToken(secret, old)).toBeNull();
    const foreign = await signPasswordResetToken('another-secret-that-is-also-long-enough', {
      userId: 7,
      tokenVersion: 3,
    });
    expect(await verifyPasswordResetToken(secret, foreign)).toBeNull();
  });
});
