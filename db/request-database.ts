import { neon, NeonQueryPromise, type FullQueryResults, type HTTPQueryOptions } from '@neondatabase/serverless';
import type { SQL } from 'drizzle-orm';
import type { NeonHttpDatabase } from 'drizzle-orm/neon-http';
import { configureDriver, openDatabase, type Database, type DatabaseConfig, type TransactionOpener } from './client';
import { httpDrizzle } from './drizzle-instances';
import * as schema from './schema';

/**
 * A statement that must hold before anything a request reads counts (the token's user still exists, is
 * not blocked, and the token is of their current version). It rides with the request's first round trip
 * instead of costing one of its own; `verify` throws when it does not hold.
 */
export interface Precondition {
  text: string;
  params: unknown[];
  verify(rows: Record<string, unknown>[]): void;
}

export interface RequestDatabase {
  /** Every statement outside a transaction goes over SQL-over-HTTP; `transaction()` opens a session. */
  readonly db: Database;
  /**
   * One statement already compiled to text and parameters, over SQL-over-HTTP (with the pending
   * precondition, like any other): for reads whose SQL is cached, skipping drizzle altogether.
   */
  query<T extends Record<string, unknown>>(text: string, params: unknown[]): Promise<T[]>;
  /** The next round trip, whichever path it takes, carries this check first. */
  require(precondition: Precondition): void;
  /** Runs the pending precondition alone, when the request has not touched the database yet. */
  settle(): Promise<void>;
  /** Round trips to Postgres (HTTP requests and statements in sessions), and sessions opened. */
  stats(): { roundTrips: number; sessions: number };
}

/**
 * The one place that decides how a request's work reaches Postgres, so services need not care:
 *
 * - a statement outside a transaction (every read of the content API, every single-statement write) is one
 *   HTTP request to Neon's SQL-over-HTTP endpoint (locally the proxy in db/local): no WebSocket, no
 *   Postgres session to start, and on Neon the pooler's warm connections;
 * - `db.transaction(fn)` opens a WebSocket session for that transaction only and closes it when it ends,
 *   so a request that never writes never opens one, and a session never outlives its transaction (on the
 *   embedded database, whose one session is lent to one client at a time, that keeps HTTP reads flowing).
 */
export function requestDatabase(config: DatabaseConfig): RequestDatabase {
  configureDriver(config.wsProxy, config.httpEndpoint);
  const raw = neon<boolean, boolean>(config.databaseUrl);
  const client = neon(config.databaseUrl);
  let pending: Precondition | undefined;
  /** Literal statements the next transaction opens with (openNextTransactionWith). */
  const openers: string[] = [];
  let roundTrips = 0;
  let sessions = 0;

  type AnyQuery = NeonQueryPromise<boolean, boolean>;
  const takePending = () => {
    const taken = pending;
    pending = undefined;
    return taken;
  };
  const preconditionQuery = (p: Precondition): AnyQuery =>
    raw.query<boolean, boolean>(p.text, p.params, { fullResults: true });
  const rowsOf = (result: unknown) => (result as FullQueryResults<false>).rows;

  // The driver's generic signatures cannot follow a wrapper that forwards any options; these two keep
  // the driver's own behaviour (same queries, same options, same results) and only add the precondition.

  // Single statements: a NeonQueryPromise runs when awaited; this one first sends the precondition with
  // it, both in one HTTP batch, and answers the statement's own result.
  const query = (text: string, params?: unknown[], options?: HTTPQueryOptions<boolean, boolean>): AnyQuery => {
    const statement: AnyQuery = raw.query(text, params, options);
    return new NeonQueryPromise(
      async () => {
        roundTrips += 1;
        const precondition = takePending();
        if (!precondition) return statement;
        const [check, result] = await raw.transaction([preconditionQuery(precondition), statement]);
        precondition.verify(rowsOf(check));
        return result;
      },
      statement.queryData,
      statement.opts,
    );
  };
  // Batches (drizzle's db.batch): the precondition goes first in the same HTTP transaction.
  const transaction = async (queries: AnyQuery[], options?: HTTPQueryOptions<boolean, boolean>) => {
    roundTrips += 1;
    const precondition = takePending();
    if (!precondition) return raw.transaction(queries, options);
    const [check, ...results] = await raw.transaction([preconditionQuery(precondition), ...queries], options);
    precondition.verify(rowsOf(check));
    return results;
  };
  client.query = query as typeof client.query;
  client.transaction = transaction as typeof client.transaction;

  // Drizzle's database is made on first use: a cached read never needs it.
  let db: Database | undefined;
  const database = (): Database => {
    if (db) return db;
    const http = httpDrizzle(client);
    db = http;
    httpDatabases.set(db, http);
    transactionOpeners.set(db, (statement) => openers.push(statement));
    db.transaction = transactionOnSession;
    return db;
  };
  const transactionOnSession: Database['transaction'] = async (work, transactionConfig) => {
    sessions += 1;
    const opening: TransactionOpener[] = openers.splice(0).map((text) => ({ text }));
    const precondition = takePending();
    const inlined = precondition && inlineIntegers(precondition.text, precondition.params);
    // The token's check first: nothing else runs for a token that no longer holds.
    if (precondition && inlined) opening.unshift({ text: inlined, check: (rows) => precondition.verify(rows) });
    const session = await openDatabase(config);
    try {
      session.openNextTransactionWith(opening);
      return await session.db.transaction(async (tx) => {
        if (precondition && !inlined)
          precondition.verify((await session.query(precondition.text, precondition.params)).rows);
        return work(tx);
      }, transactionConfig);
    } finally {
      roundTrips += session.queryCount();
      await session.close();
    }
  };

  return {
    get db() {
      return database();
    },
    async query<T extends Record<string, unknown>>(text: string, params: unknown[]) {
      return (await client.query(text, params)) as T[];
    },
    require(precondition) {
      pending = precondition;
    },
    async settle() {
      const precondition = takePending();
      if (!precondition) return;
      roundTrips += 1;
      precondition.verify(rowsOf(await preconditionQuery(precondition)));
    },
    stats: () => ({ roundTrips, sessions }),
  };
}

type Row = Record<string, unknown>;

/** The request databases' hooks for openNextTransactionWith. */
const transactionOpeners = new WeakMap<Database, (statement: string) => void>();

/**
 * The next `db.transaction()` on a request's database opens with `statement` (literal SQL, no parameters)
 * in the round trip of its BEGIN, instead of one of its own. Answers false for any other database (a
 * session, a transaction already open): the caller then runs the statement first thing itself.
 */
export function openNextTransactionWith(db: Database, statement: string): boolean {
  const open = transactionOpeners.get(db);
  open?.(statement);
  return open !== undefined;
}

/**
 * `text` with its $n parameters written in as literals, when every parameter is a safe integer (what a
 * token's claims are); otherwise undefined, and the statement keeps its parameters and its own round trip.
 */
export function inlineIntegers(text: string, params: unknown[]): string | undefined {
  if (!params.every((p) => typeof p === 'number' && Number.isSafeInteger(p))) return undefined;
  const used = [...text.matchAll(/\$(\d+)\b/g)].map((m) => Number(m[1]));
  if (used.some((n) => n < 1 || n > params.length)) return undefined;
  return text.replace(/\$(\d+)\b/g, (_, n: string) => `(${String(params[Number(n) - 1])})`);
}

/** The HTTP side of each request's database: it can batch (a transaction cannot: it shares a session). */
const httpDatabases = new WeakMap<Database, NeonHttpDatabase<typeof schema>>();

/**
 * Reads that belong together, in one round trip: one HTTP batch on a request's database (also one
 * snapshot: the batch is one transaction); one statement after another on a session or in a transaction.
 */
export async function readTogether<A extends Row, B extends Row>(db: Database, a: SQL, b: SQL): Promise<[A[], B[]]>;
export async function readTogether<A extends Row, B extends Row, C extends Row>(
  db: Database,
  a: SQL,
  b: SQL,
  c: SQL,
): Promise<[A[], B[], C[]]>;
export async function readTogether(db: Database, ...statements: SQL[]): Promise<Row[][]> {
  const http = httpDatabases.get(db);
  if (http) {
    const [first, ...rest] = statements.map((statement) => http.execute(statement));
    return (await http.batch([first!, ...rest])).map((result) => result.rows);
  }
  const results: Row[][] = [];
  for (const statement of statements) results.push((await db.execute(statement)).rows);
  return results;
}
