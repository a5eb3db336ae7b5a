import { createMiddleware } from 'hono/factory';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import type { AppEnv } from '../env';
import { countingWork, type WorkCounters } from '../lib/work-counters';

/** One connection per request, opened lazily and always closed, even when the handler throws. */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  let opening: Promise<DatabaseHandle> | undefined;
  c.set('db', async () => {
    opening ??= openDatabase({ databaseUrl: c.env.DATABASE_URL, wsProxy: c.env.DB_WS_PROXY });
    return (await opening).db;
  });
  const exposeStats = c.env.EXPOSE_DB_STATS === '1';
  const work: WorkCounters = { passwordChecks: 0 };
  try {
    await (exposeStats ? countingWork(work, next) : next());
  } finally {
    // Tests and the benchmark read what the request cost: statements, and PBKDF2 runs (the sign-in throttle).
    if (exposeStats) c.header('X-Password-Checks', String(work.passwordChecks));
    if (opening) {
      const handle = await opening.catch(() => undefined);
      if (handle) {
        if (exposeStats) c.header('X-DB-Queries', String(handle.queryCount()));
        await handle.close();
      }
    }
  }
});
