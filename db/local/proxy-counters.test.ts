import { neon, type NeonQueryFunction } from '@neondatabase/serverless';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalDatabase } from './local-database';
import { counterDelta, type ProxyCounters } from './proxy-counters';
import { describeOnBackends } from '../../tests/support/describe-on-backends';
import { sessionClient, startBackend } from '../../tests/support/local-backends';

describeOnBackends('the proxy counters at GET /stats', (kind) => {
  let database: LocalDatabase;
  let sql: NeonQueryFunction<false, false>;
  const counters = async (): Promise<ProxyCounters> =>
    (await fetch(new URL('/stats', database.sqlHttpUrl))).json() as Promise<ProxyCounters>;

  beforeAll(async () => {
    database = await startBackend(kind);
    sql = neon(database.databaseUrl);
    await sql`SELECT 1`;
  });
  afterAll(() => database?.stop());

  it('counts HTTP requests and their statements, with no session and no backend started once warm', async () => {
    const before = await counters();
    await sql`SELECT 1`;
    await sql.transaction([sql`SELECT 1`, sql`SELECT 2`, sql`SELECT 3`]);
    const delta = counterDelta(before, await counters());
    expect(delta).toMatchObject({
      httpRequests: 2,
      httpStatements: 4,
      httpErrors: 0,
      wsSessions: 0,
      backendsStarted: 0,
    });
    expect(delta.httpDatabaseMs).toBeGreaterThan(0);
  });

  it('counts an error answer and a WebSocket session', async () => {
    const before = await counters();
    await expect(sql`SELECT 1/0`).rejects.toThrow(/division by zero/);
    const client = sessionClient(database);
    await client.connect();
    await client.query('SELECT 1');
    await client.end();
    // The session's connection is counted when the proxy takes it back, after the client has gone.
    await expect.poll(async () => counterDelta(before, await counters()).wsHeldMs).toBeGreaterThan(0);
    expect(counterDelta(before, await counters())).toMatchObject({ httpRequests: 1, httpErrors: 1, wsSessions: 1 });
  });

  it('answers only GET at /stats', async () => {
    const response = await fetch(new URL('/stats', database.sqlHttpUrl), { method: 'POST' });
    expect(response.status).toBe(404);
  });
});
