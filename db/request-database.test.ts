import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnBackends } from '../tests/support/describe-on-backends';
import { startBackend } from '../tests/support/local-backends';
import type { LocalDatabase } from './local/local-database';
import { inlineIntegers, openNextTransactionWith, requestDatabase, type Precondition } from './request-database';

describe('writing a precondition’s parameters in', () => {
  it('inlines integers, parenthesised, by position', () => {
    expect(inlineIntegers('SELECT 1 FROM users WHERE id = $1 AND token_version = $2', [12, -3])).toBe(
      'SELECT 1 FROM users WHERE id = (12) AND token_version = (-3)',
    );
    expect(inlineIntegers('SELECT $10, $1', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe('SELECT (10), (1)');
  });

  it('keeps the parameters of anything but safe integers, or of a text that asks for one it lacks', () => {
    expect(inlineIntegers('SELECT $1', ["1'; DROP TABLE users; --"])).toBeUndefined();
    expect(inlineIntegers('SELECT $1', [1.5])).toBeUndefined();
    expect(inlineIntegers('SELECT $1', [2 ** 60])).toBeUndefined();
    expect(inlineIntegers('SELECT $2', [1])).toBeUndefined();
  });
});

describeOnBackends('a transaction that opens with statements of its own', (kind) => {
  let database: LocalDatabase;
  const LOCK = 'SELECT pg_advisory_xact_lock(7401, 999999)';
  const heldLocks = sql`SELECT count(*)::int AS n FROM pg_locks
    WHERE locktype = 'advisory' AND classid = 7401 AND objid = 999999 AND granted`;
  const onlyFive = (value: number): Precondition => ({
    text: 'SELECT 1 AS valid WHERE $1 = 5',
    params: [value],
    verify(rows) {
      if (rows.length !== 1) throw new Error('refused');
    },
  });
  const open = () =>
    requestDatabase({
      databaseUrl: database.databaseUrl,
      wsProxy: database.wsProxy,
      httpEndpoint: database.sqlHttpUrl,
    });

  beforeAll(async () => {
    database = await startBackend(kind);
  });
  afterAll(() => database?.stop());

  it('holds the lock and passed the check from its first statement, in the round trip of BEGIN', async () => {
    const request = open();
    request.require(onlyFive(5));
    expect(openNextTransactionWith(request.db, LOCK)).toBe(true);
    const held = await request.db.transaction(async (tx) => (await tx.execute<{ n: number }>(heldLocks)).rows[0]!.n);
    expect(held).toBe(1);
    // BEGIN with the check and the lock; the read; COMMIT.
    expect(request.stats()).toEqual({ roundTrips: 3, sessions: 1 });
    expect((await request.db.execute<{ n: number }>(heldLocks)).rows[0]!.n).toBe(0);
  });

  it('runs nothing of the work when the check fails', async () => {
    const request = open();
    request.require(onlyFive(4));
    openNextTransactionWith(request.db, LOCK);
    let ran = false;
    await expect(
      request.db.transaction(async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ cause: { message: 'refused' } }); // drizzle wraps what BEGIN's round trip threw
    expect(ran).toBe(false);
    expect(request.stats()).toEqual({ roundTrips: 1, sessions: 1 });
  });

  it('is for the next transaction only; inside one, the caller runs the statement itself', async () => {
    const request = open();
    openNextTransactionWith(request.db, LOCK);
    await request.db.transaction(async (tx) => {
      expect(openNextTransactionWith(tx, LOCK)).toBe(false);
    });
    const held = await request.db.transaction(async (tx) => (await tx.execute<{ n: number }>(heldLocks)).rows[0]!.n);
    expect(held).toBe(0);
  });
});
