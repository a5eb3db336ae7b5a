import net from 'node:net';
import { Client, neonConfig } from '@neondatabase/serverless';
import { configureDriver } from '../../db/client';
import type { PoolOptions } from '../../db/local/connection-pool';
import { startLocalDatabase, type LocalDatabase } from '../../db/local/local-database';
import { createScratchDatabase } from './scratch-database';

/** The Postgres server the db/local tests use beside PGlite: DATABASE_URL's, else CI's at 127.0.0.1:5432. */
export const postgresServerUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432), timeout: 1_000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

/** Whether the real-Postgres half of a db/local test can run here (CI always has the server). */
export const postgresAnswers = await answers(postgresServerUrl);

export type BackendKind = 'embedded' | 'postgres';
export const backendKinds: BackendKind[] = ['embedded', 'postgres'];

/**
 * A fresh database behind its own local proxy: an in-memory PGlite, or a scratch database on the Postgres
 * server (dropped by stop()). The Neon driver's HTTP endpoint is pointed at it.
 */
export async function startBackend(kind: BackendKind, pool: Partial<PoolOptions> = {}): Promise<LocalDatabase> {
  let database: LocalDatabase;
  if (kind === 'embedded') database = await startLocalDatabase({ databaseUrl: '', pool });
  else {
    const scratch = await createScratchDatabase(postgresServerUrl);
    const connection = await startLocalDatabase({ databaseUrl: scratch.databaseUrl, pool });
    database = { ...connection, stop: () => connection.stop().finally(() => scratch.drop()) };
  }
  neonConfig.fetchEndpoint = database.sqlHttpUrl!;
  return database;
}

/** A Neon driver Client (WebSocket session, as the worker's transactions use) on the local database. */
export function sessionClient(database: LocalDatabase, connectionString = database.databaseUrl): Client {
  configureDriver(database.wsProxy);
  const client = new Client(connectionString);
  client.on('error', () => {});
  return client;
}
