import { migrate } from 'drizzle-orm/neon-serverless/migrator';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseConfig } from './client';
import { loadQuranReference } from './quran/load-reference';

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Applies migrations/ in order (already-applied ones are skipped: drizzle's journal table), then puts the
 * Quran's reference data in place once (db/quran/load-reference.ts).
 */
export async function applyMigrations(config: DatabaseConfig): Promise<void> {
  const handle = await openDatabase(config);
  try {
    await migrate(handle.db, { migrationsFolder });
    await loadQuranReference(handle.db);
  } finally {
    await handle.close();
  }
}
