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
  /**
   * Statements the next BEGIN carries in its own round trip, after it, as one simple-protocol query: what
   * must open a transaction (the token's check, a learner's lock) costs no round trip of its own. They must
   * be literal SQL without parameters; each one's rows go to its `check`, which may throw to end the
   * transaction before it starts.
   */
  openNextTransactionWith(statements: TransactionOpener[]): void;
  close(): Promise<void>;
}

export interface TransactionOpener {
  text: string;
  check?(rows: Record<string, unknown>[]): void;
}

/** The text of a query as the driver's client receives it: a string or a query config object. */
const queryText = (query: unknown) =>
  typeof query === 'string' ? query : (query as { text?: unknown } | undefined)?.text;

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
  const openers: TransactionOpener[] = [];
  type Result = { rows: Record<string, unknown>[] };
  // Drizzle's BEGIN is a simple query (no parameters); the openers join it, results in order.
  const beginWithOpeners = async (query: (...args: unknown[]) => Promise<unknown>, begin: string) => {
    const taken = openers.splice(0);
    const results = (await query(`${begin.trim()}; ${taken.map((o) => o.text).join('; ')}`)) as Result[];
    taken.forEach((opener, i) => opener.check?.(results[i + 1]!.rows));
    return results[0];
  };
  // Every statement drizzle sends, BEGIN and COMMIT included, goes through client.query: count them there.
  const counted = new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'query' || typeof value !== 'function') return value;
      const query = (...args: unknown[]) => Reflect.apply(value, target, args) as Promise<unknown>;
      return (...args: unknown[]) => {
        statements += 1;
        const text = queryText(args[0]);
        if (openers.length && typeof text === 'string' && /^begin\b/i.test(text)) return beginWithOpeners(query, text);
        return query(...args);
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
    openNextTransactionWith: (statements) => {
      openers.push(...statements);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end().catch(() => {});
    },
  };
}
