import { createMiddleware } from 'hono/factory';
import { requestDatabase } from '../../db/request-database';
import type { AppEnv } from '../env';

/**
 * The request's database (db/request-database.ts): nothing is opened here. Statements go over SQL-over-HTTP
 * as they come; a transaction opens a WebSocket session for itself and closes it.
 */
export const database = createMiddleware<AppEnv>(async (c, next) => {
  const request = requestDatabase({
    databaseUrl: c.env.DATABASE_URL,
    wsProxy: c.env.DB_WS_PROXY,
    httpEndpoint: c.env.DB_HTTP_ENDPOINT,
  });
  c.set('requestDatabase', request);
  c.set('db', async () => request.db);
  await next();
  if (c.env.EXPOSE_DB_STATS === '1') {
    const { roundTrips, sessions } = request.stats();
    c.header('X-DB-Queries', String(roundTrips));
    c.header('X-DB-Sessions', String(sessions));
  }
});
