import { createMiddleware } from 'hono/factory';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import type { AppEnv } from '../env';
import { countingWork, type WorkCounters } from '../lib/work-counters';

/**
 * One connection per request, opened lazily and always closed, even when the handler throws. A handler
 * that then waits on something slow (an upload arriving from a phone) releases it first, so it is not
 * held idle; the next use opens another.
 */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  let opening: Promise<DatabaseHandle> | undefined;
  let releasedStatements = 0;
  const release = async () => {
    const current = opening;
    opening = undefined;
    const handle = await current?.catch(() => undefined);
    if (!handle) return;
    releasedStatements += handle.queryCount();
    await handle.close();
  };
  c.set('db', async () => {
    opening ??= openDatabase({ databaseUrl: c.env.DATABASE_URL, wsProxy: c.env.DB_WS_PROXY });
    return (await opening).db;
  });
  c.set('releaseDb', release);
  const exposeStats = c.env.EXPOSE_DB_STATS === '1';
  const work: WorkCounters = { passwordChecks: 0 };
  try {
    await (exposeStats ? countingWork(work, next) : next());
  } finally {
    const handle = await opening?.catch(() => undefined);
    // Tests and the benchmark read what the request cost: statements, and PBKDF2 runs (the sign-in throttle).
    if (exposeStats) {
      c.header('X-Password-Checks', String(work.passwordChecks));
      if (handle || releasedStatements)
        c.header('X-DB-Queries', String(releasedStatements + (handle?.queryCount() ?? 0)));
    }
    await handle?.close();
  }
});
