import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { startLocalDatabase, type LocalDatabase } from '../../db/local/local-database';
import { applyMigrations } from '../../db/migrate';
import { seedDemoData } from '../../db/seed/seed-demo';

/**
 * A database for one test run: a fresh in-memory PGlite by default; with DATABASE_URL, a new database
 * created on that server (and dropped afterwards), so a run never depends on, or damages, what is there.
 */
export async function startTestDatabase(): Promise<LocalDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startLocalDatabase({});
    await prepare(embedded);
    return embedded;
  }
  const server = await startLocalDatabase({ databaseUrl: serverUrl });
  const name = `lms_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openDatabase(server);
  await admin.db.execute(sql.raw(`CREATE DATABASE "${name}"`)).finally(() => admin.close());
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database: LocalDatabase = {
    ...server,
    databaseUrl: url.toString(),
    stop: async () => {
      const cleanup = await openDatabase(server);
      await cleanup.db.execute(sql.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).finally(() => cleanup.close());
      await server.stop();
    },
  };
  await prepare(database);
  return database;
}

async function prepare(database: LocalDatabase): Promise<void> {
  await applyMigrations(database);
  const handle = await openDatabase(database);
  await seedDemoData(handle.db).finally(() => handle.close());
}
