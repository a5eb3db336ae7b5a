import { neon } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDatabase } from './local-database';
import { sessionClient, startBackend } from '../../tests/support/local-backends';

// PGlite is one Postgres session: the proxy lends it to one client at a time, a WebSocket client for its
// whole session. These prove the queue holds under load and that nobody reads inside another's transaction.
describe('the embedded database under concurrent clients', () => {
  let database: LocalDatabase;

  beforeAll(async () => {
    database = await startBackend('embedded');
    await neon(database.databaseUrl)`CREATE TABLE ledger (id serial PRIMARY KEY, client int NOT NULL)`;
  });
  afterAll(() => database?.stop());

  it('serves 50 simultaneous clients, HTTP reads and WebSocket transactions, without one failure', async () => {
    const sql = neon(database.databaseUrl);
    const transaction = async (n: number) => {
      const client = sessionClient(database);
      await client.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO ledger (client) VALUES ($1)', [n]);
        const { rows } = await client.query('SELECT count(*)::int AS mine FROM ledger WHERE client = $1', [n]);
        await client.query('COMMIT');
        return rows[0].mine as number;
      } finally {
        await client.end();
      }
    };
    const read = async () => (await sql`SELECT count(*)::int AS n FROM ledger`)[0]!.n as number;

    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? transaction(1000 + i) : read())),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    const mine = outcomes.filter((_, i) => i % 2 === 0).map((o) => (o as PromiseFulfilledResult<number>).value);
    expect(mine).toEqual(Array(25).fill(1));
    expect(await read()).toBe(25);
  });

  it("never lets an HTTP read see a WebSocket session's open transaction", async () => {
    const sql = neon(database.databaseUrl);
    const session = sessionClient(database);
    await session.connect();
    await session.query('BEGIN');
    await session.query('INSERT INTO ledger (client) VALUES (-1)');

    let settled = false;
    const reading = sql`SELECT count(*)::int AS n FROM ledger WHERE client = -1`.finally(() => (settled = true));
    // The session goes on with its transaction while the read waits for the database.
    for (let i = 0; i < 5; i++) await session.query('SELECT count(*) FROM ledger');
    expect(settled).toBe(false);

    await session.query('ROLLBACK');
    await session.end();
    expect(await reading).toEqual([{ n: 0 }]);
  });

  it('lets an HTTP read that waited for a session see what that session committed', async () => {
    const sql = neon(database.databaseUrl);
    const session = sessionClient(database);
    await session.connect();
    await session.query('BEGIN');
    await session.query('INSERT INTO ledger (client) VALUES (-2)');
    const reading = sql`SELECT count(*)::int AS n FROM ledger WHERE client = -2`;
    await session.query('COMMIT');
    await session.end();
    expect(await reading).toEqual([{ n: 1 }]);
  });
});
