import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/** Every response carries the id that its server-side log lines carry, so a report can be traced. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', id);
  await next();
  c.header('X-Request-Id', id);
});
