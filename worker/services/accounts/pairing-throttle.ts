import { lt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { pairingFailures } from '../../../db/schema';
import { ApiError } from '../../lib/errors';

/** Failed redemptions allowed in an hour: a parent mistyping a few times is fine, guessing is not. */
export const MAX_FAILURES_PER_PARENT = 10;
export const MAX_FAILURES_PER_ADDRESS = 30;
const WINDOW = sql`interval '1 hour'`;

/**
 * 429 while the parent, or the address they come from, has too many failed redemptions in the last hour.
 * With 31^8 codes, 10 guesses an hour make a hit practically impossible within a code's 48 hours.
 */
export async function checkPairingThrottle(db: Database, parentId: number, address: string): Promise<void> {
  const rows = await db.execute<{ by_parent: number; by_address: number; retry_after: number | null }>(sql`
    WITH recent AS (
      SELECT parent_id, address, at FROM ${pairingFailures}
      WHERE (parent_id = ${parentId} OR address = ${address}) AND at > now() - ${WINDOW}
    )
    SELECT
      (SELECT count(*) FROM recent WHERE parent_id = ${parentId})::int AS by_parent,
      (SELECT count(*) FROM recent WHERE address = ${address})::int AS by_address,
      (SELECT ceil(extract(epoch FROM min(at) + ${WINDOW} - now()))::int FROM recent) AS retry_after`);
  const state = rows.rows[0]!;
  if (state.by_parent >= MAX_FAILURES_PER_PARENT || state.by_address >= MAX_FAILURES_PER_ADDRESS) {
    throw new ApiError(
      429,
      'RateLimitError',
      'Too many wrong pairing codes: try again later',
      {},
      { 'Retry-After': String(Math.max(1, state.retry_after ?? 3600)) },
    );
  }
}

/** Counts a failed redemption; rows older than a day are no use to anyone and go. */
export async function recordPairingFailure(db: Database, parentId: number, address: string): Promise<void> {
  await db.insert(pairingFailures).values({ parentId, address: address.slice(0, 64) });
  await db.delete(pairingFailures).where(lt(pairingFailures.at, sql`now() - interval '1 day'`));
}
