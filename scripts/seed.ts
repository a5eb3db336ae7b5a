// npm run db:seed — demo data for every role, once; on DATABASE_URL or the embedded database.
import { openDatabase } from '../db/client';
import { startLocalDatabase } from '../db/local/local-database';
import { applyMigrations } from '../db/migrate';
import { seedDemoData } from '../db/seed/seed-demo';
import { embeddedDataDir } from './paths';

const database = await startLocalDatabase({ dataDir: embeddedDataDir });
try {
  await applyMigrations(database);
  const handle = await openDatabase(database);
  const seeded = await seedDemoData(handle.db).finally(() => handle.close());
  console.log(seeded ? 'demo data added' : 'demo data already present');
} finally {
  await database.stop();
}
