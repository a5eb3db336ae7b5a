import { Client, neonConfig } from '@neondatabase/serverless';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { NeonDatabase } from 'drizzle-orm/neon-serverless';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sessionDrizzle } from './drizzle-instances';
import type * as schema from './schema';

type Rows<T> = { rows: T[] };
/** What services read from a raw statement, whichever path ran it (SQL over HTTP or a session). */
export interface QueryResultHKT extends PgQueryResultHKT {
  type: Rows<this['row']>;
}

/**
 * The database as services see it: a request's database (reads over HTTP, transactions in a session), a
 * session, or a transaction in one. Services take it first, so a caller decides what commits together.
 */
export type Database = PgDatabase<QueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

export interface DatabaseConfig {
  /** postgres://… of Neon in production; of the embedded or any local Postgres in development. */
  databaseUrl: string;
  /**
   * host:port of the local proxy's WebSocket side (db/local/). Set only for a Postgres that is not Neon:
   * Neon terminates the driver's WebSockets itself, a plain Postgres needs the proxy in front of it.
   */
  wsProxy?: string;
  /** The local proxy's SQL-over-HTTP endpoint (http://…/sql); unset for Neon, whose own the driver finds. */
  httpEndpoint?: string;
}

export interface DatabaseHandle {
  /** A Database, with the session driver's own result type (rowCount, fields) for scripts. */
  db: NeonDatabase<typeof schema>;
  /** A raw statement on this session ($1-style parameters), inside a transaction when one is open. */
  query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /** Statements sent on this connection: the benchmark reports it as round trips per request. */
  queryCount(): number;
  close(): Promise<void>;
}

/** Points the driver at the local proxy (a no-op for Neon, which needs none). The settings are global. */
export function configureDriver(wsProxy: string | undefined, httpEndpoint?: string): void {
  if (httpEndpoint) neonConfig.fetchEndpoint = httpEndpoint;
  if (!wsProxy) return;
  neonConfig.wsProxy = (host, port) => `${wsProxy}/?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

/**
 * A WebSocket session: what scripts and tests use, and what a request opens for one transaction (Workers
 * may not share sockets across requests). The same Neon serverless driver everywhere.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  configureDriver(config.wsProxy, config.httpEndpoint);
  const client = new Client(config.databaseUrl);
  let statements = 0;
  // Every statement drizzle sends, BEGIN and COMMIT included, goes through client.query: count them there.
  const counted = new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'query' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        statements += 1;
        return Reflect.apply(value, target, args);
      };
    },
  });
  // A broken socket must not become an unhandled error that takes the process down.
  client.on('error', () => {});
  await client.connect();
  let closed = false;
  return {
    db: sessionDrizzle(counted),
    query: (text, params) => counted.query(text, params),
    queryCount: () => statements,
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end().catch(() => {});
    },
  };
}
