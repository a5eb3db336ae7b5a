import { once } from 'node:events';
import { neon, type Client } from '@neondatabase/serverless';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LocalDatabase } from './local-database';
import { frontend } from './postgres-messages';
import { describeOnBackends } from '../../tests/support/describe-on-backends';
import { sessionClient, startBackend } from '../../tests/support/local-backends';

async function inSession<T>(database: LocalDatabase, work: (client: Client) => Promise<T>, url?: string): Promise<T> {
  const client = sessionClient(database, url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A session on the backend `pid`. A session's connection goes back to the pool only after its reset
 * (ROLLBACK, DISCARD ALL) has run, so a session opened at once may get a spare warm connection: try again
 * until the pool lends that backend.
 */
async function inSessionOn<T>(database: LocalDatabase, pid: number, work: (client: Client) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const client = sessionClient(database);
    await client.connect();
    try {
      const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
      if (rows[0].pid === pid) return await work(client);
    } finally {
      await client.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the pool never lent backend ${pid} again`);
}

const backendOf = (client: Client) =>
  client.query('SELECT pg_backend_pid() AS pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()');

describeOnBackends('WebSocket sessions through the session pooler', (kind) => {
  let database: LocalDatabase;

  beforeAll(async () => {
    database = await startBackend(kind);
    await inSession(database, (c) => c.query('CREATE TABLE ws_rows (label text)'));
  });
  afterAll(() => database?.stop());

  it('hands each new session a warm backend instead of starting one', async () => {
    await inSession(database, backendOf);
    const asked = new Date();
    const second = await inSession(database, backendOf);
    // The backend the session got was running before the session was asked for: none started for it.
    expect(new Date(second.rows[0].backend_start).getTime()).toBeLessThan(asked.getTime());
  });

  it("ends a session's transaction and settings with it", async () => {
    const before = await inSession(database, async (c) => {
      await c.query('BEGIN');
      await c.query("INSERT INTO ws_rows VALUES ('uncommitted')");
      await c.query("SET application_name = 'dirty'");
      await c.query('SET statement_timeout = 1234');
      await c.query('CREATE TEMP TABLE scratch_rows (x int)');
      await c.query('PREPARE leftover AS SELECT 1');
      return (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    });
    const after = await inSessionOn(database, before, async (c) =>
      c.query(`SELECT pg_backend_pid() AS pid,
        (SELECT count(*)::int FROM ws_rows WHERE label = 'uncommitted') AS rows,
        current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout,
        to_regclass('pg_temp.scratch_rows') IS NULL AS no_temp_table,
        (SELECT count(*)::int FROM pg_prepared_statements) AS prepared`),
    );
    expect(after.rows[0]).toEqual({
      pid: before,
      rows: 0,
      app: 'pkg:npm/%40neondatabase/serverless@1.2.0',
      timeout: '0',
      no_temp_table: true,
      prepared: 0,
    });
  });

  it("applies the client's startup parameters to its session", async () => {
    const url = new URL(database.databaseUrl);
    url.searchParams.set('application_name', 'lms-tests');
    const { rows } = await inSession(
      database,
      (c) => c.query("SELECT current_setting('application_name') AS app"),
      url.toString(),
    );
    expect(rows).toEqual([{ app: 'lms-tests' }]);
  });

  it('serves what a session committed to the next one and to SQL over HTTP', async () => {
    await inSession(database, async (c) => {
      await c.query('BEGIN');
      await c.query("INSERT INTO ws_rows VALUES ('committed')");
      await c.query('COMMIT');
    });
    const { rows } = await inSession(database, (c) =>
      c.query("SELECT count(*)::int AS n FROM ws_rows WHERE label = 'committed'"),
    );
    expect(rows).toEqual([{ n: 1 }]);
    expect(await neon(database.databaseUrl)`SELECT label FROM ws_rows WHERE label = 'committed'`).toEqual([
      { label: 'committed' },
    ]);
  });

  it('keeps the Postgres code of an error and the session usable after it', async () => {
    await inSession(database, async (c) => {
      const error = await c.query('SELECT 1/0').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: '22012' });
      expect((await c.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
    });
  });

  it('refuses a database host the proxy does not serve', async () => {
    const refused = await inSession(database, backendOf, 'postgres://postgres@db.example.invalid:5432/postgres').catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(Error);
  });

  it('answers an SSLRequest with N (no TLS on the local proxy), then serves the startup', async () => {
    const socket = await rawSocket(database);
    socket.send(Buffer.from([0, 0, 0, 8, 4, 210, 22, 47]));
    expect(await socket.next()).toEqual(Buffer.from('N'));
    socket.send(frontend.startup({ user: 'postgres', database: new URL(database.databaseUrl).pathname.slice(1) }));
    // Either the password request (embedded) or AuthenticationOk and the rest of the startup (Postgres).
    expect(String.fromCharCode((await socket.next())[0]!)).toBe('R');
    socket.close();
  });

  it('runs what the client sent in the same frame as its Terminate before ending the session', async () => {
    const socket = await rawSocket(database);
    const url = new URL(database.databaseUrl);
    socket.send(frontend.startup({ user: 'postgres', database: url.pathname.slice(1) }));
    for (let answer = await socket.next(); ; answer = await socket.next()) {
      if (answer[0] === 0x52 && answer.readInt32BE(5) === 3) socket.send(frontend.password(url.password));
      if (answer.includes(Buffer.from([0x5a, 0, 0, 0, 5]))) break;
    }
    socket.send(Buffer.concat([frontend.query("INSERT INTO ws_rows VALUES ('last words')"), frontend.terminate()]));
    await socket.closed;
    const sql = neon(database.databaseUrl);
    await expect.poll(() => sql`SELECT count(*)::int AS n FROM ws_rows WHERE label = 'last words'`).toEqual([{ n: 1 }]);
  });

  it.runIf(kind === 'postgres')("cancels a session's running statement on the driver's CancelRequest", async () => {
    await inSession(database, async (c) => {
      const running = c.query('SELECT pg_sleep(30)').catch((e: unknown) => e);
      const { processID, secretKey } = c as unknown as { processID: number; secretKey: number };
      // A cancel that arrives before the statement starts is ignored by the server, so ask until it ends.
      let ended = false;
      void running.finally(() => (ended = true));
      while (!ended) {
        const socket = await rawSocket(database);
        socket.send(frontend.cancelRequest(processID, secretKey));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(await running).toMatchObject({ code: '57014' });
    });
  });

  it.runIf(kind === 'embedded')('refuses a wrong password with 28P01', async () => {
    const url = new URL(database.databaseUrl);
    url.password = 'wrong';
    const refused = await inSession(database, backendOf, url.toString()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: '28P01' });
  });
});

describeOnBackends('a pool with no connection free', (kind) => {
  let database: LocalDatabase;

  beforeAll(async () => {
    database = await startBackend(kind, { max: 1, warm: 1, queueTimeoutMs: 1_000 });
    await inSession(database, (c) => c.query('CREATE TABLE busy_rows (label text)'));
  });
  afterAll(() => database?.stop());

  it('refuses with 53300 (WebSocket) and 503 (HTTP) after the queue timeout, then serves again', async () => {
    const holder = sessionClient(database);
    await holder.connect();
    const held = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;

    const waiting = sessionClient(database);
    const refused = await waiting.connect().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: '53300' });
    const sql = neon(database.databaseUrl);
    const busy = await sql`SELECT 1`.catch((e: unknown) => e);
    expect((busy as Error).message).toMatch(/HTTP status 503.*53300/);

    await holder.end();
    const { rows } = await inSession(database, (c) => c.query('SELECT pg_backend_pid() AS pid'));
    expect(rows).toEqual([{ pid: held }]);
    expect(await sql`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it('rolls back the transaction of a client that vanished without a word', async () => {
    const client = sessionClient(database);
    await client.connect();
    const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await client.query('BEGIN');
    await client.query("INSERT INTO busy_rows VALUES ('vanished')");
    // The WebSocket drops (no Terminate, no close frame), as when a worker isolate is killed.
    socketOf(client).terminate();

    // The only connection comes back once it is rolled back and reset: the same backend, without the row.
    const { rows } = await inSession(database, (c) =>
      c.query('SELECT pg_backend_pid() AS pid, (SELECT count(*)::int FROM busy_rows) AS n'),
    );
    expect(rows).toEqual([{ pid, n: 0 }]);
  });

  it('lets the statement of a client that left mid-statement finish, then reuses the connection', async () => {
    const client = sessionClient(database);
    await client.connect();
    const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    void client.query("INSERT INTO busy_rows SELECT 'slept' FROM pg_sleep(0.2)").catch(() => {});
    // The driver coalesces writes and sends them from a setTimeout(0); this one runs after it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    socketOf(client).close();

    const { rows } = await inSession(database, (c) =>
      c.query("SELECT pg_backend_pid() AS pid, (SELECT count(*)::int FROM busy_rows WHERE label = 'slept') AS n"),
    );
    expect(rows).toEqual([{ pid, n: 1 }]);
  });
});

/** A WebSocket to the proxy without the driver, for protocol messages the driver does not send. */
async function rawSocket(database: LocalDatabase) {
  const address = new URL(database.databaseUrl);
  const ws = new WebSocket(`ws://${database.wsProxy}/?address=${address.hostname}:${address.port || 5432}`);
  const received: Buffer[] = [];
  const waiting: ((data: Buffer) => void)[] = [];
  ws.on('message', (data: Buffer) => (waiting.length ? waiting.shift()!(data) : received.push(data)));
  await once(ws, 'open');
  return {
    send: (bytes: Buffer) => ws.send(bytes),
    close: () => ws.close(),
    closed: once(ws, 'close'),
    /** The next WebSocket message from the proxy. */
    next: () => (received.length ? Promise.resolve(received.shift()!) : new Promise<Buffer>((r) => waiting.push(r))),
  };
}

/** The WebSocket under a driver Client (ws's, in Node). */
function socketOf(client: Client): { close(): void; terminate(): void } {
  return (client as unknown as { connection: { stream: { ws: { close(): void; terminate(): void } } } }).connection
    .stream.ws;
}
