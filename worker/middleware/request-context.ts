import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/**
 * What every handler may need about the request itself: its id (every response and server-side log
 * line carries it, so a report can be traced) and the site's origin (links in xAPI statements and
 * certificates), computed once.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  const id = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', id);
  c.set('origin', new URL(c.req.url).origin);
  await next();
  c.header('X-Request-Id', id);
});
