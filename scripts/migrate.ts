// npm run db:migrate — on Neon or any Postgres named by DATABASE_URL, else on the embedded one in .data/.
import { applyMigrations } from '../db/migrate';
import { startLocalDatabase } from '../db/local/local-database';
import { embeddedDataDir } from './paths';

const database = await startLocalDatabase({ dataDir: embeddedDataDir });
try {
  await applyMigrations(database);
  console.log(`migrations applied (${database.kind} database)`);
} finally {
  await database.stop();
}
