import { describe, expect, it } from 'vitest';
import { BackendConnection } from './backend-connection';
import { backend, frontend, MessageReader } from './postgres-messages';

function connectionWithLog() {
  const written: string[] = [];
  const reader = new MessageReader();
  const connection = new BackendConnection(
    { write: (bytes) => written.push(...reader.push(bytes).map((m) => m.type)), close: () => {} },
    new Map([['application_name', 'pool']]),
  );
  return { connection, written };
}

describe('a backend connection lent to a WebSocket client', () => {
  it('forwards the server bytes to the client until the session ends', () => {
    const { connection } = connectionWithLog();
    const seen: Buffer[] = [];
    const session = connection.openSession(
      (chunk) => seen.push(chunk),
      () => {},
    );
    session.write(frontend.query('SELECT 1'));
    connection.receive(backend.readyForQuery('I'));
    expect(Buffer.concat(seen)).toEqual(backend.readyForQuery('I'));
  });

  it('syncs an unfinished extended-protocol exchange and waits for the answer before it is reused', async () => {
    const { connection, written } = connectionWithLog();
    const session = connection.openSession(
      () => {},
      () => {},
    );
    session.write(Buffer.concat([frontend.parse('SELECT 1'), frontend.bind([])]));
    let clean: boolean | undefined;
    const finishing = session.finish().then((c) => (clean = c));
    await Promise.resolve();
    expect(written).toEqual(['P', 'B', 'S']);
    expect(clean).toBeUndefined();
    connection.receive(backend.readyForQuery('I'));
    expect(await finishing).toBe(true);
  });

  it('waits for every statement the client sent before it left', async () => {
    const { connection } = connectionWithLog();
    const session = connection.openSession(
      () => {},
      () => {},
    );
    session.write(Buffer.concat([frontend.query('SELECT pg_sleep(1)'), frontend.query('SELECT 2')]));
    let clean: boolean | undefined;
    const finishing = session.finish().then((c) => (clean = c));
    connection.receive(backend.readyForQuery('T'));
    await Promise.resolve();
    expect(clean).toBeUndefined();
    connection.receive(backend.readyForQuery('T'));
    expect(await finishing).toBe(true);
    expect(connection.status).toBe('T');
  });

  it('cannot be made clean in the middle of a COPY from the client', async () => {
    const { connection } = connectionWithLog();
    const session = connection.openSession(
      () => {},
      () => {},
    );
    session.write(frontend.query('COPY t FROM STDIN'));
    // CopyInResponse: the server now expects data that will never come.
    connection.receive(Buffer.from([0x47, 0, 0, 0, 7, 0, 0, 0]));
    expect(await session.finish()).toBe(false);
  });

  it('resets a used session: rollback, DISCARD ALL, and the startup parameters again', async () => {
    const { connection, written } = connectionWithLog();
    connection.status = 'T';
    connection.parameters.set('application_name', 'client');
    const resetting = connection.reset({ discardAll: true });
    expect(written).toEqual(['Q', 'Q']);
    connection.receive(Buffer.concat([backend.readyForQuery('I'), backend.readyForQuery('I')]));
    await resetting;
    expect(connection.parameters.get('application_name')).toBe('pool');
  });
});

describe('the statements a connection keeps prepared for SQL over HTTP', () => {
  it('are kept when a WebSocket client borrows the connection and by the reset that ends its session', async () => {
    const queries: string[] = [];
    const reader = new MessageReader();
    const connection = new BackendConnection(
      {
        write: (bytes) => queries.push(...reader.push(bytes).map((m) => m.body.toString('utf8', 0, m.body.length - 1))),
        close: () => {},
      },
      new Map(),
    );
    connection.prepared.prepared('SELECT 1', 'lms_proxy_test_1');
    const session = connection.openSession(
      () => {},
      () => {},
    );
    expect(connection.prepared.lookup('SELECT 1')).toBe('lms_proxy_test_1');
    await session.finish();
    const resetting = connection.reset({ discardAll: true, keepPrepared: true });
    connection.receive(backend.readyForQuery('I'));
    await resetting;
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatch(/^CLOSE ALL; .*RESET ALL; .*DISCARD TEMP/);
    expect(queries[0]).not.toMatch(/DISCARD ALL|DEALLOCATE/);
    expect(connection.prepared.lookup('SELECT 1')).toBe('lms_proxy_test_1');
  });

  it('are forgotten with DISCARD ALL, and kept by a plain rollback', async () => {
    const { connection } = connectionWithLog();
    connection.prepared.prepared('SELECT 1', 'lms_proxy_test_2');
    connection.status = 'T';
    const rollingBack = connection.reset({ discardAll: false });
    connection.receive(backend.readyForQuery('I'));
    await rollingBack;
    expect(connection.prepared.lookup('SELECT 1')).toBe('lms_proxy_test_2');
    const discarding = connection.reset({ discardAll: true });
    connection.receive(backend.readyForQuery('I'));
    await discarding;
    expect(connection.prepared.lookup('SELECT 1')).toBeUndefined();
  });
});
