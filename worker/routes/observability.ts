import { Hono } from 'hono';
import { apiUsageQuery, systemHealthQuery } from '../contract/analytics';
import type { AppEnv } from '../env';
import { parseWith } from '../lib/validation';
import { authorize } from '../policy/authorize';
import { reportPeriod } from '../services/analytics/report-period';
import { apiUsageReport } from '../services/observability/api-usage-report';
import { systemHealth } from '../services/observability/system-health';
import { usageSource } from '../services/observability/usage-source';
import { answerReport } from './report-answer';

/** /admin's view of the running system: API usage and health. Admins only. */
export const observabilityRoutes = new Hono<AppEnv>();

/** Usage defaults to the last week; Analytics Engine keeps three months. */
const USAGE_DEFAULT_DAYS = 7;

observabilityRoutes.get('/api-usage', async (c) => {
  authorize(c.var.user, 'observability', 'find');
  const query = parseWith(apiUsageQuery, c.req.query());
  const period = reportPeriod(query, new Date(), USAGE_DEFAULT_DAYS);
  const report = await apiUsageReport(c.env, period, query.route);
  return answerReport(c, query.format, report, ['api-usage', report.meta.period.from, report.meta.period.to]);
});

observabilityRoutes.get('/health', async (c) => {
  authorize(c.var.user, 'observability', 'find');
  const query = parseWith(systemHealthQuery, c.req.query());
  const health = await systemHealth({
    db: c.var.db,
    databaseUrl: c.env.DATABASE_URL,
    bucket: c.env.MEDIA,
    refreshStorage: query.refresh === 'true',
    usageSource: usageSource(c.env),
  });
  c.header('Cache-Control', 'no-store');
  return c.json({ data: health, meta: {} });
});
