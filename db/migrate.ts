import { migrate } from 'drizzle-orm/neon-serverless/migrator';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseConfig } from './client';

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Applies migrations/ in order; already-applied ones are skipped (drizzle's journal table). */
export async function applyMigrations(config: DatabaseConfig): Promise<void> {
  const handle = await openDatabase(config);
  try {
    await migrate(handle.db, { migrationsFolder });
  } finally {
    await handle.close();
  }
}
