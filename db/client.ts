import { Client, neonConfig } from '@neondatabase/serverless';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle, type NeonQueryResultHKT } from 'drizzle-orm/neon-serverless';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import * as schema from './schema';

/** A connection or a transaction on it: services take either, so a caller decides what commits together. */
export type Database = PgDatabase<NeonQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;

export interface DatabaseConfig {
  /** postgres://… of Neon in production; of the embedded or any local Postgres in development. */
  databaseUrl: string;
  /**
   * host:port of a WebSocket-to-TCP relay (db/local/ws-relay.ts). Set only for a Postgres that is not Neon:
   * Neon terminates the driver's WebSockets itself, a plain Postgres needs the relay in front of it.
   */
  wsProxy?: string;
}

export interface DatabaseHandle {
  db: Database;
  /** Statements sent on this connection: the benchmark reports it as round trips per request. */
  queryCount(): number;
  close(): Promise<void>;
}

/** Points the driver's WebSockets at the local proxy (a no-op for Neon, which needs none). */
export function configureDriver(wsProxy: string | undefined): void {
  if (!wsProxy) return;
  neonConfig.wsProxy = (host, port) => `${wsProxy}/?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

/**
 * One connection for one request (Workers may not share sockets across requests), through the same
 * Neon serverless driver in production, in development, in tests and in scripts.
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  configureDriver(config.wsProxy);
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
    db: drizzle(counted, { schema }),
    queryCount: () => statements,
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end().catch(() => {});
    },
  };
}
