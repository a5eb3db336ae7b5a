import { neonConfig } from '@neondatabase/serverless';
import ws from 'ws';
import type { DatabaseConfig } from '../client';
import type { PoolOptions } from './connection-pool';
import { startDatabaseProxy } from './database-proxy';
import { pgliteTarget, postgresTarget } from './database-targets';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface LocalDatabase extends DatabaseConfig {
  kind: 'embedded' | 'external' | 'neon';
  /**
   * The Neon driver's fetchEndpoint for SQL over HTTP (neon(), drizzle's neon-http), served by the local
   * proxy next to wsProxy. Unset for Neon, whose own endpoint the driver finds by itself.
   */
  sqlHttpUrl?: string;
  stop(): Promise<void>;
}

// Node 20 has no global WebSocket; workerd does, so only Node-side code sets this.
neonConfig.webSocketConstructor = ws;

export const DEFAULT_POOL: PoolOptions = { max: 10, warm: 2, queueTimeoutMs: 15_000, idleTimeoutMs: 60_000 };

function isNeonHost(host: string): boolean {
  return host.endsWith('.neon.tech') || host.endsWith('.neon.build');
}

/**
 * The database for scripts, tests and `npm start`: DATABASE_URL when set (a Neon URL is used directly,
 * any other Postgres through the local proxy and its pools), otherwise the embedded PGlite, kept in
 * dataDir if one is given. `databaseUrl: ''` asks for the embedded one even when DATABASE_URL is set.
 */
export async function startLocalDatabase(
  options: { dataDir?: string; databaseUrl?: string; pool?: Partial<PoolOptions> } = {},
): Promise<LocalDatabase> {
  const pool = { ...DEFAULT_POOL, ...options.pool };
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    if (isNeonHost(url.hostname)) return { kind: 'neon', databaseUrl, stop: async () => {} };
    const user = decodeURIComponent(url.username) || 'postgres';
    const password = url.password ? decodeURIComponent(url.password) : undefined;
    const target = postgresTarget({ host: url.hostname, port: Number(url.port || 5432) }, { user, password }, pool);
    // The database this process is about to use gets its warm connections before the first request.
    target.poolFor({ user, password, database: decodeURIComponent(url.pathname.slice(1)) || user }).warmUp();
    const proxy = await startDatabaseProxy([target]);
    return { kind: 'external', databaseUrl, wsProxy: proxy.wsProxy, sqlHttpUrl: proxy.sqlHttpUrl, stop: proxy.stop };
  }
  const postgres = await startEmbeddedPostgres(options.dataDir);
  const proxy = await startDatabaseProxy([
    pgliteTarget(postgres.address, postgres.db, postgres.account, pool.queueTimeoutMs),
  ]);
  return {
    kind: 'embedded',
    databaseUrl: postgres.databaseUrl,
    wsProxy: proxy.wsProxy,
    sqlHttpUrl: proxy.sqlHttpUrl,
    stop: async () => {
      await proxy.stop();
      await postgres.stop();
    },
  };
}
