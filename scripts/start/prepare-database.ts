import { openDatabase, type DatabaseConfig } from '../../db/client';
import { applyMigrations } from '../../db/migrate';
import { seedDemoData } from '../../db/seed/seed-demo';

export async function prepareDatabase(database: DatabaseConfig): Promise<void> {
  await applyMigrations(database);
  const handle = await openDatabase(database);
  try {
    if (await seedDemoData(handle.db)) console.log('demo data added');
  } finally {
    await handle.close();
  }
}
