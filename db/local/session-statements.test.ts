import type { Client } from '@neondatabase/serverless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnBackends } from '../../tests/support/describe-on-backends';
import { sessionClient, startBackend } from '../../tests/support/local-backends';
import type { LocalDatabase } from './local-database';
import { backend, frontend, MessageReader, type Message } from './postgres-messages';
import { PreparedStatements } from './prepared-statements';
import { SessionStatements } from './session-statements';

const one = (bytes: Buffer): Message => new MessageReader().push(bytes)[0]!;
const cstrings = (message: Message) => message.body.toString('utf8').split('\0');
const parseComplete = one(Buffer.from([0x31, 0, 0, 0, 4]));

describe('a WebSocket session’s unnamed statements, kept prepared', () => {
  it('names a text’s first Parse, then sends an empty Parse and binds the name', () => {
    const prepared = new PreparedStatements();
    const first = new SessionStatements(prepared);
    const parse = one(first.fromClient(one(frontend.parse('SELECT $1::int'))));
    const [name, text] = cstrings(parse);
    expect(name).toMatch(/^lms_proxy_\d+$/);
    expect(text).toBe('SELECT $1::int');
    expect(cstrings(one(first.fromClient(one(frontend.bind(['1'])))))[1]).toBe(name);
    first.fromServer(parseComplete);
    expect(prepared.lookup('SELECT $1::int')).toBe(name);

    const second = new SessionStatements(prepared);
    expect(cstrings(one(second.fromClient(one(frontend.parse('SELECT $1::int'))))).slice(0, 2)).toEqual(['', '']);
    const bind = one(second.fromClient(one(frontend.bind(['2']))));
    expect(cstrings(bind)[1]).toBe(name);
    expect(bind.body.subarray(bind.body.indexOf(0, bind.body.indexOf(0) + 1) + 1)).toEqual(
      one(frontend.bind(['2'])).body.subarray(2),
    );
  });

  it('keeps nothing the server did not confirm, and leaves the client’s own statements alone', () => {
    const prepared = new PreparedStatements();
    const session = new SessionStatements(prepared);
    session.fromClient(one(frontend.parse('SELECT broken(')));
    session.fromServer(one(backend.errorResponse({ severity: 'ERROR', code: '42601', message: 'syntax error' })));
    session.fromServer(one(backend.readyForQuery('I')));
    expect(prepared.size).toBe(0);
    expect(cstrings(one(session.fromClient(one(frontend.bind([])))))[1]).toBe('');
    const own = one(frontend.parse('SELECT 1', 'mine'));
    expect(session.fromClient(own)).toBe(own.raw);
    expect(session.needsDiscardAll).toBe(true);
  });

  it('forgets every statement when the session deallocates or discards', () => {
    const prepared = new PreparedStatements();
    prepared.prepared('SELECT 1', 'lms_proxy_kept');
    const session = new SessionStatements(prepared);
    session.fromServer(
      one(Buffer.concat([Buffer.from('C'), Buffer.from([0, 0, 0, 19]), Buffer.from('DEALLOCATE ALL\0')])),
    );
    expect(prepared.size).toBe(0);
    expect(session.needsDiscardAll).toBe(true);
  });
});

// One pooled connection, so every session below lands on the same Postgres session.
describeOnBackends('statements shared by WebSocket sessions', (kind) => {
  let database: LocalDatabase;
  const inSession = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = sessionClient(database);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const preparedAs = (text: string) =>
    inSession(async (c) => {
      const { rows } = await c.query('SELECT name, prepare_time FROM pg_prepared_statements WHERE statement = $1', [
        text,
      ]);
      return rows as { name: string; prepare_time: Date }[];
    });

  beforeAll(async () => {
    database = await startBackend(kind, { max: 1 });
  });
  afterAll(() => database?.stop());

  it('prepares a statement the driver sends unnamed once, for every later session', async () => {
    const text = 'SELECT $1::int * 2 AS twice';
    for (const n of [1, 2, 3]) expect((await inSession((c) => c.query(text, [n]))).rows).toEqual([{ twice: n * 2 }]);
    const first = await preparedAs(text);
    expect(first).toHaveLength(1);
    expect(first[0]!.name).toMatch(/^lms_proxy_\d+$/);
    await inSession((c) => c.query(text, [4]));
    expect(await preparedAs(text)).toEqual(first); // bound again, not prepared again
  });

  it('ends a session that named its own statements with DISCARD ALL, so the next may use the name', async () => {
    await inSession((c) => c.query({ name: 'mine', text: 'SELECT 1 AS one' }));
    const again = await inSession((c) => c.query({ name: 'mine', text: 'SELECT 2 AS two' }));
    expect(again.rows).toEqual([{ two: 2 }]);
    // The proxy's own statements went with it, and come back on their next use.
    expect((await inSession((c) => c.query('SELECT $1::int * 2 AS twice', [5]))).rows).toEqual([{ twice: 10 }]);
  });

  it('leaves no setting, lock or temporary table to the next session', async () => {
    await inSession(async (c) => {
      await c.query("SET statement_timeout = '1234ms'");
      await c.query('SELECT pg_advisory_lock(7401, 4242)');
      await c.query('CREATE TEMP TABLE scratch (n int)');
    });
    const next = await inSession(async (c) => ({
      timeout: (await c.query('SHOW statement_timeout')).rows[0].statement_timeout,
      locks: (await c.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242"))
        .rows[0].n,
      scratch: (await c.query("SELECT to_regclass('pg_temp.scratch') AS t")).rows[0].t,
    }));
    expect(next).toMatchObject({ locks: 0, scratch: null });
    expect(next.timeout).not.toBe('1234ms');
  });

  it('answers a failing bind with its error and binds the statement again afterwards', async () => {
    const text = 'SELECT $1::int + 1 AS next';
    await inSession((c) => c.query(text, [1]));
    await expect(inSession((c) => c.query(text, ['not a number']))).rejects.toMatchObject({ code: '22P02' });
    expect((await inSession((c) => c.query(text, [41]))).rows).toEqual([{ next: 42 }]);
  });
});
