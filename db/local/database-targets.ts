import type { PGlite } from '@electric-sql/pglite';
import { timingSafeEqual } from 'node:crypto';
import { ConnectionPool, type PoolOptions } from './connection-pool';
import { pgliteConnections } from './pglite-connection';
import { openPostgresConnection, sendCancelRequest } from './postgres-connection';
import { PostgresError } from './postgres-messages';

/** Who a client says it is, from a WebSocket startup message or an HTTP request's connection string. */
export interface ClientLogin {
  user: string;
  database: string;
  password?: string;
}

/** A database server the proxy serves, named by the host:port clients put in their connection string. */
export interface DatabaseTarget {
  address: string;
  /** Whether a WebSocket client logging in as `user` must send a password. */
  asksPassword(user: string): boolean;
  /** The pool for this login; throws a PostgresError (28P01, 3D000) for a login the target refuses. */
  poolFor(login: ClientLogin): ConnectionPool;
  cancel(key: { processId: number; secretKey: number }): void;
  /** Connections opened to the server so far (Postgres backends started), over all of its pools. */
  backendsStarted(): number;
  close(): Promise<void>;
}

/** The account the proxy was started with; clients using it are checked against its password. */
export interface ServedAccount {
  user: string;
  password?: string;
}

function checkPassword(account: ServedAccount, login: ClientLogin): void {
  if (login.user !== account.user || !account.password) return;
  const given = Buffer.from(login.password ?? '');
  const expected = Buffer.from(account.password);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new PostgresError({
      severity: 'FATAL',
      code: '28P01',
      message: `password authentication failed for user "${login.user}"`,
    });
  }
}

/**
 * A real Postgres server: one pool per user and database, opened on first use. The served account's
 * password is checked here and used towards the server; any other user's password goes to the server.
 */
export function postgresTarget(
  server: { host: string; port: number },
  account: ServedAccount,
  pool: PoolOptions,
): DatabaseTarget {
  const pools = new Map<string, ConnectionPool>();
  const address = `${server.host}:${server.port}`;
  return {
    address,
    asksPassword: (user) => user !== account.user || Boolean(account.password),
    poolFor(login) {
      checkPassword(account, login);
      const password = login.user === account.user ? account.password : login.password;
      const key = JSON.stringify([login.user, login.database, password ?? '']);
      let found = pools.get(key);
      if (!found) {
        const credentials = { ...server, user: login.user, database: login.database, password };
        found = new ConnectionPool(() => openPostgresConnection(credentials), pool, `${address}/${login.database}`);
        pools.set(key, found);
      }
      return found;
    },
    cancel: (key) => sendCancelRequest(server.host, server.port, key.processId, key.secretKey),
    backendsStarted: () => [...pools.values()].reduce((sum, p) => sum + p.opened, 0),
    close: async () => {
      await Promise.all([...pools.values()].map((p) => p.close()));
    },
  };
}

/**
 * The embedded PGlite: one Postgres session, so a pool of one connection. Whoever holds it (an HTTP
 * statement, or a WebSocket client for its whole session) holds the database; the rest queue.
 */
export function pgliteTarget(
  address: string,
  db: PGlite,
  account: ServedAccount & { database: string },
  queueTimeoutMs: number,
): DatabaseTarget {
  const pool = new ConnectionPool(
    pgliteConnections(db),
    { max: 1, warm: 1, queueTimeoutMs, idleTimeoutMs: Number.MAX_SAFE_INTEGER },
    'the embedded database',
  );
  return {
    address,
    asksPassword: () => Boolean(account.password),
    poolFor(login) {
      if (login.user !== account.user) {
        throw new PostgresError({ severity: 'FATAL', code: '28000', message: `role "${login.user}" does not exist` });
      }
      checkPassword(account, login);
      if (login.database !== account.database) {
        throw new PostgresError({
          severity: 'FATAL',
          code: '3D000',
          message: `database "${login.database}" does not exist`,
        });
      }
      return pool;
    },
    cancel: () => {},
    backendsStarted: () => pool.opened,
    close: () => pool.close(),
  };
}
