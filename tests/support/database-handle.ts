import '../../db/local/local-database';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client';

/** A direct connection to the test run's database, for arranging state the API cannot (a past deadline). */
export function openTestDatabase(): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: inject('databaseUrl'), wsProxy: inject('wsProxy') || undefined });
}
