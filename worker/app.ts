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
import { achievementRoutes } from './routes/achievements';
import { guardianLinkRoutes } from './routes/guardian-links';
import { instructorRoutes } from './routes/instructors';
import { lessonRoutes } from './routes/lessons';
import { quizRoutes } from './routes/quizzes';
import { uploadRoutes } from './routes/upload';
import { uploadsServingRoutes } from './routes/uploads-serving';
import { userRoutes } from './routes/users';
import { leaderboardRoutes } from './routes/leaderboards';
import { progressStatsRoutes } from './routes/progress-stats';
import { schoolSettingRoutes } from './routes/school-settings';
import { certificateRoutes } from './routes/certificates';
import { courseEnrollmentRoutes } from './routes/course-enrollments';
import { quizAttemptRoutes, quizAttemptStartRoutes } from './routes/quiz-attempts';
import { streakRoutes } from './routes/streaks';
import { userAchievementRoutes } from './routes/user-achievements';
import { userProgressRoutes } from './routes/user-progresses';
import { xapiRoutes } from './routes/xapi';
import { xapiVersion } from './middleware/xapi-version';

/** A path that exists answers other methods with 405 and an Allow header, as HTTP asks. */
function refuseOtherMethods(router: Hono<AppEnv>, paths: Record<string, string>) {
  for (const [path, allow] of Object.entries(paths)) {
    router.all(path, () => {
      throw new ApiError(
        405,
        'MethodNotAllowedError',
        `Method not allowed; this path accepts ${allow}`,
        {},
        { Allow: allow },
      );
    });
  }
  return router;
}

export function createApp() {
  const api = new Hono<AppEnv>();
  api.use(secureHeaders(), database, authenticate);
  api.route(
    '/auth',
    refuseOtherMethods(authRoutes, {
      '/local': 'POST',
      '/local/register': 'POST',
      '/refresh': 'POST',
      '/logout': 'POST',
    }),
  );
  api.route('/users', refuseOtherMethods(userRoutes, { '/me': 'GET', '/': 'GET, POST', '/:id': 'GET, PUT, DELETE' }));
  const documents = { '/': 'GET, POST', '/:documentId': 'GET, PUT, DELETE' };
  api.route('/courses', refuseOtherMethods(courseRoutes, documents));
  api.route('/lessons', refuseOtherMethods(lessonRoutes, documents));
  api.route('/quizzes', quizAttemptStartRoutes);
  api.route('/quizzes', refuseOtherMethods(quizRoutes, { ...documents, '/:documentId/attempts': 'POST' }));
  api.route('/instructors', refuseOtherMethods(instructorRoutes, documents));
  api.route('/achievements', refuseOtherMethods(achievementRoutes, documents));
  const readOnly = { '/': 'GET', '/:documentId': 'GET' };
  api.route(
    '/course-enrollments',
    refuseOtherMethods(courseEnrollmentRoutes, { '/': 'GET, POST', '/:documentId': 'GET, PUT' }),
  );
  api.route(
    '/user-progresses',
    refuseOtherMethods(userProgressRoutes, { '/': 'GET, POST', '/batch': 'POST', '/:documentId': 'GET' }),
  );
  api.route('/quiz-attempts', refuseOtherMethods(quizAttemptRoutes, { ...readOnly, '/:documentId/submit': 'POST' }));
  api.route(
    '/user-achievements',
    refuseOtherMethods(userAchievementRoutes, { '/': 'GET, POST', '/:documentId': 'GET' }),
  );
  api.route('/streaks', refuseOtherMethods(streakRoutes, readOnly));
  api.route(
    '/certificates',
    refuseOtherMethods(certificateRoutes, { ...readOnly, '/verify/:code': 'GET', '/:documentId/pdf': 'GET' }),
  );
  api.route(
    '/guardian-links',
    refuseOtherMethods(guardianLinkRoutes, { '/': 'GET, POST', '/:parent/:child': 'DELETE' }),
  );
  api.route('/leaderboards', refuseOtherMethods(leaderboardRoutes, { '/': 'GET' }));
  api.route('/progress-stats', refuseOtherMethods(progressStatsRoutes, { '/': 'GET' }));
  api.route('/school-settings', refuseOtherMethods(schoolSettingRoutes, { '/': 'GET', '/:key': 'PUT' }));
  api.route('/upload', refuseOtherMethods(uploadRoutes, { '/': 'POST', '/files': 'GET', '/files/:id': 'GET, DELETE' }));

  const app = new Hono<AppEnv>();
  app.use(requestId);
  // Liveness for load balancers and `npm start`: no database, no auth.
  app.get('/_health', (c) => c.body(null, 204));
  app.route('/api', api);
  app.all('/api/*', renderNotFound);
  // The learning record store sits beside the API, not under it: xAPI clients expect /xapi/statements.
  const xapi = new Hono<AppEnv>();
  xapi.use(xapiVersion, secureHeaders(), database, authenticate);
  xapi.route('/', refuseOtherMethods(xapiRoutes, { '/statements': 'GET' }));
  app.route('/xapi', xapi);
  app.all('/xapi/*', renderNotFound);
  app.route('/uploads', refuseOtherMethods(uploadsServingRoutes, { '/*': 'GET, HEAD' }));
  // Everything else is the PWA; in production Cloudflare serves it before the worker runs.
  app.all('*', async (c) => (c.env.ASSETS ? c.env.ASSETS.fetch(c.req.raw) : renderNotFound(c)));
  app.onError(renderError);
  app.notFound(renderNotFound);
  return app;
}
