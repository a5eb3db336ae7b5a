import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env';
import { ApiError } from './lib/errors';
import { authenticate } from './middleware/authenticate';
import { database } from './middleware/database';
import { renderError, renderNotFound } from './middleware/errors';
import { requestId } from './middleware/request-id';
import { authRoutes } from './routes/auth';
import { courseRoutes } from './routes/courses';
import { guardianLinkRoutes } from './routes/guardian-links';
import { userRoutes } from './routes/users';

/** A path that exists answers other methods with 405 and an Allow header, as HTTP asks. */
function refuseOtherMethods(router: Hono<AppEnv>, paths: Record<string, string>) {
  for (const [path, allow] of Object.entries(paths)) {
    router.all(path, () => {
      throw new ApiError(405, 'MethodNotAllowedError', `Method not allowed; this path accepts ${allow}`, {}, { Allow: allow });
    });
  }
  return router;
}

export function createApp() {
  const api = new Hono<AppEnv>();
  api.use(secureHeaders(), database, authenticate);
  api.route('/auth', refuseOtherMethods(authRoutes, { '/local': 'POST', '/local/register': 'POST', '/refresh': 'POST', '/logout': 'POST' }));
  api.route('/users', refuseOtherMethods(userRoutes, { '/me': 'GET', '/': 'GET, POST', '/:id': 'GET, PUT, DELETE' }));
  api.route('/courses', refuseOtherMethods(courseRoutes, { '/': 'GET, POST', '/:documentId': 'GET, PUT, DELETE' }));
  api.route('/guardian-links', refuseOtherMethods(guardianLinkRoutes, { '/': 'GET, POST', '/:parent/:child': 'DELETE' }));

  const app = new Hono<AppEnv>();
  app.use(requestId);
  // Liveness for load balancers and `npm start`: no database, no auth.
  app.get('/_health', (c) => c.body(null, 204));
  app.route('/api', api);
  app.all('/api/*', renderNotFound);
  // Everything else is the PWA; in production Cloudflare serves it before the worker runs.
  app.all('*', async (c) => (c.env.ASSETS ? c.env.ASSETS.fetch(c.req.raw) : renderNotFound(c)));
  app.onError(renderError);
  app.notFound(renderNotFound);
  return app;
}
