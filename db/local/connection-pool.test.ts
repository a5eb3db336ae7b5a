import { describe, expect, it } from 'vitest';
import { BackendConnection } from './backend-connection';
import { ConnectionPool, PoolBusyError, type PoolOptions } from './connection-pool';

/** Connections over a transport that goes nowhere: the pool's bookkeeping is what is tested here. */
function fakeServer(options: { failWith?: Error } = {}) {
  const opened: BackendConnection[] = [];
  const open = async () => {
    if (options.failWith) throw options.failWith;
    const connection = new BackendConnection({ write: () => {}, close: () => {} }, new Map());
    opened.push(connection);
    return connection;
  };
  return { open, opened };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const pool = (open: () => Promise<BackendConnection>, options: Partial<PoolOptions> = {}) =>
  new ConnectionPool(open, { max: 2, warm: 0, queueTimeoutMs: 1_000, idleTimeoutMs: 60_000, ...options }, 'test');

describe('the connection pool', () => {
  it('never opens more than max and hands released connections to waiters in arrival order', async () => {
    const server = fakeServer();
    const connections = pool(server.open);
    const [a, b] = await Promise.all([connections.lease(), connections.lease()]);
    const order: string[] = [];
    const third = connections.lease().then((c) => (order.push('third'), c));
    const fourth = connections.lease().then((c) => (order.push('fourth'), c));
    await settle();
    expect(server.opened).toHaveLength(2);

    connections.release(b);
    connections.release(a);
    expect([await third, await fourth]).toEqual([b, a]);
    expect(order).toEqual(['third', 'fourth']);
    await connections.close();
  });

  it('refuses a waiter with 53300 when the queue timeout passes, and serves the next one', async () => {
    const connections = pool(fakeServer().open, { max: 1, queueTimeoutMs: 20 });
    const held = await connections.lease();
    const refused = await connections.lease().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PoolBusyError);
    expect(refused).toMatchObject({ fields: { code: '53300' } });
    connections.release(held);
    expect(await connections.lease()).toBe(held);
    await connections.close();
  });

  it('keeps warm connections open before any request asks', async () => {
    const server = fakeServer();
    const connections = pool(server.open, { max: 4, warm: 2 });
    connections.warmUp();
    await settle();
    expect(connections.stats).toEqual({ size: 2, idle: 2, waiting: 0 });
    // Taking one opens a spare in its place.
    await connections.lease();
    await settle();
    expect(connections.stats).toEqual({ size: 3, idle: 2, waiting: 0 });
    await connections.close();
  });

  it('lends the most recently used connection first', async () => {
    const connections = pool(fakeServer().open);
    const [a, b] = await Promise.all([connections.lease(), connections.lease()]);
    connections.release(a);
    connections.release(b);
    expect(await connections.lease()).toBe(b);
    await connections.close();
  });

  it('drops a connection that closed while idle and never lends it', async () => {
    const server = fakeServer();
    const connections = pool(server.open, { max: 1 });
    const first = await connections.lease();
    connections.release(first);
    first.lost();
    const next = await connections.lease();
    expect(next).not.toBe(first);
    expect(server.opened).toHaveLength(2);
    await connections.close();
  });

  it('closes a connection given back inside a transaction instead of keeping it', async () => {
    const connections = pool(fakeServer().open, { max: 1 });
    const dirty = await connections.lease();
    dirty.status = 'T';
    connections.release(dirty);
    expect(dirty.closed).toBe(true);
    expect(await connections.lease()).not.toBe(dirty);
    await connections.close();
  });

  it("passes the server's refusal to the waiter at once, without waiting for the timeout", async () => {
    const refusal = new Error('password authentication failed');
    const connections = pool(fakeServer({ failWith: refusal }).open, { queueTimeoutMs: 60_000 });
    await expect(connections.lease()).rejects.toBe(refusal);
    await connections.close();
  });
});
