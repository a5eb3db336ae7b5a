import { createMiddleware } from 'hono/factory';
import { openDatabase, type DatabaseHandle } from '../../db/client';
import type { AppEnv } from '../env';

/** One connection per request, opened lazily and always closed, even when the handler throws. */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  let opening: Promise<DatabaseHandle> | undefined;
  c.set('db', async () => {
    opening ??= openDatabase({ databaseUrl: c.env.DATABASE_URL, wsProxy: c.env.DB_WS_PROXY });
    return (await opening).db;
  });
  try {
    await next();
  } finally {
    if (opening) {
      const handle = await opening.catch(() => undefined);
      if (handle) {
        if (c.env.EXPOSE_DB_STATS === '1') c.header('X-DB-Queries', String(handle.queryCount()));
        await handle.close();
      }
    }
  }
});
