import { openDatabase } from '../../db/client';
import { startLocalDatabase, type LocalDatabase } from '../../db/local/local-database';
import { applyMigrations } from '../../db/migrate';
import { seedDemoData } from '../../db/seed/seed-demo';
import { createScratchDatabase } from './scratch-database';

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
  const scratch = await createScratchDatabase(serverUrl);
  // Migrations set database defaults (statement_timeout, jit: migration 0008) that only sessions started
  // afterwards take: migrate through a proxy of its own, then serve the tests from a fresh pool.
  const migrator = await startLocalDatabase({ databaseUrl: scratch.databaseUrl });
  await applyMigrations(migrator).finally(() => migrator.stop());
  const connection = await startLocalDatabase({ databaseUrl: scratch.databaseUrl });
  const database: LocalDatabase = {
    ...connection,
    stop: async () => {
      await connection.stop();
      await scratch.drop();
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
