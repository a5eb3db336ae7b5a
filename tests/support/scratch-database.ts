import { sql } from 'drizzle-orm';
import { openDatabase } from '../../db/client';
import { startLocalDatabase } from '../../db/local/local-database';

/** A new, empty database on the server named by serverUrl; drop() removes it again. */
export async function createScratchDatabase(
  serverUrl: string,
): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  const server = await startLocalDatabase({ databaseUrl: serverUrl });
  const name = `lms_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (statement: string) => {
    const handle = await openDatabase(server);
    await handle.db.execute(sql.raw(statement)).finally(() => handle.close());
  };
  try {
    await run(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: async () => {
      await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => server.stop());
    },
  };
}
