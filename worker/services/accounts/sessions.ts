import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { sessions } from '../../../db/schema';
import { unauthorized } from '../../lib/errors';
import { hashRefreshToken, newRefreshToken, REFRESH_TOKEN_SECONDS } from '../../lib/tokens';

/** Starts a new refresh-token family (a sign-in on one device) and returns its first token. */
export async function startSession(db: Database, userId: number, userAgent?: string): Promise<string> {
  const token = newRefreshToken();
  await db.insert(sessions).values({
    userId,
    familyId: crypto.randomUUID(),
    tokenHash: await hashRefreshToken(token),
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_SECONDS * 1000),
    userAgent: userAgent?.slice(0, 255),
  });
  return token;
}

/**
 * Exchanges a refresh token for the next one in its family. A token presented a second time was
 * copied: the whole family is revoked, so neither the thief nor the owner can go on with it.
 */
export async function rotateSession(db: Database, token: string): Promise<{ userId: number; refreshToken: string }> {
  const tokenHash = await hashRefreshToken(token);
  // The reuse revocation must commit, so the refusal is thrown only after the transaction.
  const rotated = await db.transaction(async (tx) => {
    const [used] = await tx
      .update(sessions)
      .set({ rotatedAt: sql`now()` })
      .where(
        and(
          eq(sessions.tokenHash, tokenHash),
          isNull(sessions.rotatedAt),
          isNull(sessions.revokedAt),
          sql`${sessions.expiresAt} > now()`,
        ),
      )
      .returning();
    if (!used) {
      const [known] = await tx
        .select({ familyId: sessions.familyId })
        .from(sessions)
        .where(eq(sessions.tokenHash, tokenHash));
      if (known) await revokeFamily(tx, known.familyId);
      return null;
    }
    const refreshToken = newRefreshToken();
    await tx.insert(sessions).values({
      userId: used.userId,
      familyId: used.familyId,
      tokenHash: await hashRefreshToken(refreshToken),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_SECONDS * 1000),
      userAgent: used.userAgent,
    });
    return { userId: used.userId, refreshToken };
  });
  if (!rotated) throw unauthorized('Invalid refresh token');
  return rotated;
}

export async function revokeFamily(db: Database, familyId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.familyId, familyId), isNull(sessions.revokedAt)));
}

/** Signing out ends the device's family; an unknown token is not an error (the outcome is the same). */
export async function endSession(db: Database, token: string): Promise<void> {
  const tokenHash = await hashRefreshToken(token);
  await db.execute(
    sql`UPDATE ${sessions} SET revoked_at = now() WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM ${sessions} WHERE token_hash = ${tokenHash})`,
  );
}

export async function revokeAllSessions(db: Database, userId: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
