import { neonConfig } from '@neondatabase/serverless';
import ws from 'ws';
import type { DatabaseConfig } from '../client';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startRelay } from './ws-relay';

export interface LocalDatabase extends DatabaseConfig {
  kind: 'embedded' | 'external' | 'neon';
  stop(): Promise<void>;
}

// Node 20 has no global WebSocket; workerd does, so only Node-side code sets this.
neonConfig.webSocketConstructor = ws;

function isNeonHost(host: string): boolean {
  return host.endsWith('.neon.tech') || host.endsWith('.neon.build');
}

/**
 * The database for scripts, tests and `npm start`: DATABASE_URL when set (a Neon URL is used directly,
 * any other Postgres through a relay), otherwise the embedded PGlite, kept in dataDir if one is given.
 */
export async function startLocalDatabase(
  options: { dataDir?: string; databaseUrl?: string } = {},
): Promise<LocalDatabase> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    if (isNeonHost(url.hostname)) return { kind: 'neon', databaseUrl, stop: async () => {} };
    const target = `${url.hostname}:${url.port || '5432'}`;
    const relay = await startRelay({ targets: [target], serial: false });
    return { kind: 'external', databaseUrl, wsProxy: relay.address, stop: () => relay.stop() };
  }
  const postgres = await startEmbeddedPostgres(options.dataDir);
  const relay = await startRelay({ targets: [postgres.address], serial: true });
  return {
    kind: 'embedded',
    databaseUrl: postgres.databaseUrl,
    wsProxy: relay.address,
    stop: async () => {
      await relay.stop();
      await postgres.stop();
    },
  };
}
