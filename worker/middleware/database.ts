import { createMiddleware } from 'hono/factory';
import { requestDatabase } from '../../db/request-database';
import type { AppEnv } from '../env';
import { countingWork, type WorkCounters } from '../lib/work-counters';

/**
 * The request's database (db/request-database.ts): nothing is opened here. Statements go over SQL-over-HTTP
 * as they come; a transaction opens a WebSocket session for itself and closes it. So a request that waits on
 * something slow (an upload arriving from a phone) holds no connection meanwhile.
 */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  const request = requestDatabase({
    databaseUrl: c.env.DATABASE_URL,
    wsProxy: c.env.DB_WS_PROXY,
    httpEndpoint: c.env.DB_HTTP_ENDPOINT,
  });
  c.set('requestDatabase', request);
  c.set('db', async () => request.db);
  const exposeStats = c.env.EXPOSE_DB_STATS === '1';
  const work: WorkCounters = { passwordChecks: 0 };
  await (exposeStats ? countingWork(work, next) : next());
  // Tests and the benchmark read what the request cost: round trips, sessions, PBKDF2 runs (the throttle).
  if (exposeStats) {
    const { roundTrips, sessions } = request.stats();
    c.header('X-DB-Queries', String(roundTrips));
    c.header('X-DB-Sessions', String(sessions));
    c.header('X-Password-Checks', String(work.passwordChecks));
  }
});
