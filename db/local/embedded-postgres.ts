import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

export interface EmbeddedPostgres {
  db: PGlite;
  /** host:port clients name in their connection string; it never resolves (.invalid): the proxy serves it. */
  address: string;
  databaseUrl: string;
  account: { user: string; password: string; database: string };
  stop(): Promise<void>;
}

const ADDRESS = 'embedded-pglite.invalid:5432';

/** PGlite (Postgres compiled to WebAssembly), in memory or kept in dataDir across restarts. */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://');
  const account = { user: 'postgres', password: 'postgres', database: 'postgres' };
  return {
    db,
    address: ADDRESS,
    databaseUrl: `postgres://${account.user}:${account.password}@${ADDRESS}/${account.database}`,
    account,
    stop: () => db.close(),
  };
}
