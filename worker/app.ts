import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env';
import { apiUsage } from './middleware/api-usage';
import { authenticate } from './middleware/authenticate';
import { conditionalGet } from './middleware/conditional-get';
import { database } from './middleware/database';
import { renderError, renderNotFound } from './middleware/errors';
import { requestContext } from './middleware/request-context';
import { refuseNulInUrl } from './middleware/url-checks';
import { xapiVersion } from './middleware/xapi-version';
import { achievementCriteriaRoutes } from './routes/achievement-criteria';
import { activityLogRoutes } from './routes/activity-logs';
import { adminUserRoutes } from './routes/admin-users';
import { analyticsRoutes } from './routes/analytics';
import { authRoutes } from './routes/auth';
import { certificateRoutes } from './routes/certificates';
import { contentRoutes } from './routes/content-routes';
import { courseEnrollmentRoutes } from './routes/course-enrollments';
import { courseProgressRoutes } from './routes/course-progress';
import { guardianLinkRoutes } from './routes/guardian-links';
import { hifzClassRoutes } from './routes/hifz-class';
import { hifzPlanRoutes } from './routes/hifz-plans';
import { hifzRecitationRoutes } from './routes/hifz-recitations';
import { hifzSessionRoutes } from './routes/hifz-sessions';
import { hifzStudentRoutes } from './routes/hifz-students';
import { leaderboardRoutes } from './routes/leaderboards';
import { answerOtherMethods } from './routes/method-not-allowed';
import { pairingCodeRoutes } from './routes/pairing-codes';
import { observabilityRoutes } from './routes/observability';
import { progressStatsRoutes } from './routes/progress-stats';
import { quizAttemptRoutes, quizAttemptStartRoutes } from './routes/quiz-attempts';
import { schoolSettingRoutes } from './routes/school-settings';
import { streakRoutes } from './routes/streaks';
import { uploadRoutes } from './routes/upload';
import { uploadsServingRoutes } from './routes/uploads-serving';
import { userAchievementRoutes } from './routes/user-achievements';
import { userProgressRoutes } from './routes/user-progresses';
import { userRoutes } from './routes/users';
import { xapiRoutes } from './routes/xapi';
import { CONTENT_WRITERS } from './services/content';

function apiRoutes() {
  const api = new Hono<AppEnv>();
  api.use(secureHeaders(), conditionalGet, database, authenticate);
  api.route('/auth', authRoutes);
  api.route('/users', userRoutes);
  for (const [path, writer] of Object.entries(CONTENT_WRITERS)) api.route(`/${path}`, contentRoutes(path, writer));
  api.route('/quizzes', quizAttemptStartRoutes);
  api.route('/course-enrollments', courseEnrollmentRoutes);
  api.route('/user-progresses', userProgressRoutes);
  api.route('/quiz-attempts', quizAttemptRoutes);
  api.route('/user-achievements', userAchievementRoutes);
  api.route('/streaks', streakRoutes);
  api.route('/certificates', certificateRoutes);
  api.route('/guardian-links', guardianLinkRoutes);
  api.route('/leaderboards', leaderboardRoutes);
  api.route('/progress-stats', progressStatsRoutes);
  api.route('/school-settings', schoolSettingRoutes);
  api.route('/upload', uploadRoutes);
  api.route('/activity-logs', activityLogRoutes);
  api.route('/admin/users', adminUserRoutes);
  api.route('/pairing-codes', pairingCodeRoutes);
  api.route('/achievement-criteria', achievementCriteriaRoutes);
  api.route('/analytics', analyticsRoutes);
  api.route('/analytics', courseProgressRoutes);
  api.route('/observability', observabilityRoutes);
  api.route('/hifz/plans', hifzPlanRoutes);
  api.route('/hifz/sessions', hifzSessionRoutes);
  api.route('/hifz/students', hifzStudentRoutes);
  api.route('/hifz/class', hifzClassRoutes);
  api.route('/hifz/recitations', hifzRecitationRoutes);
  return answerOtherMethods(api);
}

// The learning record store sits beside the API, not under it: xAPI clients expect /xapi/statements.
function xapiStore() {
  const xapi = new Hono<AppEnv>();
  xapi.use(xapiVersion, secureHeaders(), conditionalGet, database, authenticate);
  xapi.route('/', xapiRoutes);
  return answerOtherMethods(xapi);
}

export function createApp() {
  const app = new Hono<AppEnv>();
  app.use(requestContext, refuseNulInUrl);
  app.use(apiUsage);
  // Liveness for load balancers and `npm start`: no database, no auth.
  app.route('/_health', answerOtherMethods(new Hono<AppEnv>().get('/', (c) => c.body(null, 204))));
  app.route('/api', apiRoutes());
  app.all('/api/*', renderNotFound);
  app.route('/xapi', xapiStore());
  app.all('/xapi/*', renderNotFound);
  app.route('/uploads', answerOtherMethods(uploadsServingRoutes));
  // Everything else is the PWA; in production Cloudflare serves it before the worker runs.
  app.all('*', async (c) => (c.env.ASSETS ? c.env.ASSETS.fetch(c.req.raw) : renderNotFound(c)));
  app.onError(renderError);
  app.notFound(renderNotFound);
  return app;
}
