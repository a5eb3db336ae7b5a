import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import {
  completionQuery,
  engagementQuery,
  itemAnalysisQuery,
  liveEnrollmentsQuery,
  popularityQuery,
  quizPerformanceQuery,
  retentionQuery,
} from '../contract/analytics';
import type { AppEnv } from '../env';
import { parseWith } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { completionRates } from '../services/analytics/completion';
import { resolveCourseScope } from '../services/analytics/course-scope';
import { engagement } from '../services/analytics/engagement';
import { itemAnalysis } from '../services/analytics/item-analysis';
import { liveEnrollments } from '../services/analytics/live-enrollments';
import { coursePopularity, lessonPopularity } from '../services/analytics/popularity';
import { quizPerformance } from '../services/analytics/quiz-performance';
import { optionalPeriod, reportPeriod } from '../services/analytics/report-period';
import { retention } from '../services/analytics/retention';
import { answerReport } from './report-answer';

/** Reports over courses: teachers see their own courses, admins every course (or one, with ?course=). */
export const analyticsRoutes = new Hono<AppEnv>();

/** The common start of every report: who asks, the parsed parameters, the courses in scope. */
async function reportRequest<S extends z.ZodType<{ course?: string }>>(c: Context<AppEnv>, schema: S) {
  const scopes = authorize(c.var.user, 'analytics', 'find');
  const viewer = requireUser(c.var.user);
  const query = parseWith(schema, c.req.query());
  const db = await c.var.db();
  const scope = await resolveCourseScope(db, viewer, scopes, query.course);
  return { query, db, scope, viewer, scopes };
}

analyticsRoutes.get('/completion', async (c) => {
  const { query, db, scope } = await reportRequest(c, completionQuery);
  const period = reportPeriod(query);
  const report = await completionRates(db, scope, period);
  return answerReport(c, query.format, report, ['completion', query.course, period.from, period.to]);
});

analyticsRoutes.get('/engagement', async (c) => {
  const { query, db, scope } = await reportRequest(c, engagementQuery);
  const report = await engagement(db, scope, reportPeriod(query), query.interval);
  const { from, to } = report.meta.period;
  return answerReport(c, query.format, report, [`engagement-${query.interval}`, query.course, from, to]);
});

analyticsRoutes.get('/quizzes', async (c) => {
  const { query, db, scope } = await reportRequest(c, quizPerformanceQuery);
  const period = optionalPeriod(query);
  const report = await quizPerformance(db, scope, period, query.attempts);
  return answerReport(c, query.format, report, ['quizzes', query.course, query.attempts, period?.from, period?.to]);
});

analyticsRoutes.get('/quizzes/:quiz/items', async (c) => {
  const scopes = authorize(c.var.user, 'analytics', 'find');
  const viewer = requireUser(c.var.user);
  const query = parseWith(itemAnalysisQuery, c.req.query());
  const period = optionalPeriod(query);
  const quiz = c.req.param('quiz');
  const report = await itemAnalysis(await c.var.db(), viewer, scopes, quiz, period, query.attempts);
  return answerReport(c, query.format, report, ['item-analysis', quiz, query.attempts, period?.from, period?.to]);
});

analyticsRoutes.get('/popularity', async (c) => {
  const { query, db, scope } = await reportRequest(c, popularityQuery);
  const period = reportPeriod(query);
  const report =
    query.by === 'lesson'
      ? await lessonPopularity(db, scope, period, query.sort, query.limit)
      : await coursePopularity(db, scope, period, query.sort, query.limit);
  return answerReport(c, query.format, report, [`popularity-${query.by}`, query.course, period.from, period.to]);
});

analyticsRoutes.get('/retention', async (c) => {
  const { query, db, scope } = await reportRequest(c, retentionQuery);
  const report = await retention(db, scope, reportPeriod(query), query.weeks);
  const { from, to } = report.meta.period;
  return answerReport(c, query.format, report, ['retention', query.course, from, to]);
});

analyticsRoutes.get('/enrollments/live', async (c) => {
  const { query, db, scope } = await reportRequest(c, liveEnrollmentsQuery);
  const report = await liveEnrollments(db, scope, query.minutes);
  // Polled by dashboards: a few seconds of staleness is fine and spares the database.
  c.header('Cache-Control', 'private, max-age=10');
  return answerReport(c, query.format, report, ['enrollments-live', query.course, report.data.asOf.slice(0, 16)]);
});
