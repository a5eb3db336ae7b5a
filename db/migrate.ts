import { sql } from 'drizzle-orm';
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
    // The database's statement_timeout is for API requests (migrations/0004); building an index or loading
    // the Quran may take longer, and must not be cut off halfway.
    await handle.db.execute(sql`SET statement_timeout = 0`);
    await migrate(handle.db, { migrationsFolder });
    await loadQuranReference(handle.db);
  } finally {
    await handle.close();
  }
}
