import type { Hono } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';

/**
 * Every path the app declares answers the methods it does not declare with 405 and an Allow header, as
 * HTTP asks. Built from the app's own routes, so a route is declared in one place only. Call it after
 * the last route is added: the 405 handlers run only when no route of the path took the method.
 */
export function answerOtherMethods(app: Hono<AppEnv>): Hono<AppEnv> {
  const allowed = new Map<string, Set<string>>();
  for (const route of app.routes) {
    // Middleware is registered for every method; only real routes say what a path accepts.
    if (route.method === 'ALL') continue;
    const methods = allowed.get(route.path) ?? new Set<string>();
    methods.add(route.method);
    // Hono answers HEAD with the GET route.
    if (route.method === 'GET') methods.add('HEAD');
    allowed.set(route.path, methods);
  }
  for (const [path, methods] of allowed) {
    const allow = [...methods].join(', ');
    app.all(path, () => {
      throw new ApiError(
        405,
        'MethodNotAllowedError',
        `Method not allowed; this path accepts ${allow}`,
        {},
        { Allow: allow },
      );
    });
  }
  return app;
}
