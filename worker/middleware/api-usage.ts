import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../env';
import { usageSink } from '../services/observability/usage-source';

/**
 * The route that answered, as registered: the first matched handler (middleware takes `next`, handlers
 * do not). A 401 from the authentication middleware still counts for the route it guarded, unknown API
 * paths fall to the /api/* not-found handler, and ids never reach the record. The PWA fallback (*) is
 * not API usage: null.
 */
export function answeringRoute(c: Context): string | null {
  const handler = matchedRoutes(c).find((route) => route.handler.length < 2);
  if (!handler || handler.path === '*' || handler.path === '/*') return null;
  return handler.path;
}

/**
 * One usage point per API request (route pattern, method, status, duration), written after the answer
 * is ready to a sink that does no I/O the answer waits for: Analytics Engine's writeDataPoint in
 * production, the isolate's memory locally. Durations are the Workers clock's, which advances on I/O.
 */
export const apiUsage = createMiddleware<AppEnv>(async (c, next) => {
  const sink = usageSink(c.env);
  if (!sink) return next();
  const started = performance.now();
  await next();
  const route = answeringRoute(c);
  if (route === null) return;
  try {
    sink.write({
      at: Date.now(),
      route,
      method: c.req.method,
      status: c.res.status,
      durationMs: performance.now() - started,
    });
  } catch {
    // Losing a usage point must never cost the learner their answer.
  }
});
