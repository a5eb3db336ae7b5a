import type { ApiUsageMeta, ApiUsageRow } from '../../contract/analytics';
import type { Env } from '../../env';
import { column } from '../analytics/report-meta';
import type { ReportPeriod } from '../analytics/report-period';
import { readAnalyticsEngineUsage } from './analytics-engine';
import { memoryUsageStore } from './usage-memory-store';
import { usageSource } from './usage-source';
import { summarizeUsage } from './usage-summary';

export const DEFAULT_USAGE_DATASET = 'lms_api_usage';

const COLUMNS = [
  column('day', 'Day', 'date'),
  column('method', 'Method', 'text'),
  column('route', 'Route', 'text'),
  column('requests', 'Requests', 'count'),
  column('clientErrors', '4xx', 'count'),
  column('serverErrors', '5xx', 'count'),
  column('errorRate', 'Error rate (5xx)', 'percent'),
  column('clientErrorRate', '4xx rate', 'percent'),
  column('p50', 'p50', 'ms'),
  column('p95', 'p95', 'ms'),
  column('p99', 'p99', 'ms'),
];

/**
 * Requests per route per day with error rates and latency percentiles, from wherever usage is recorded:
 * the Analytics Engine SQL API in production, this isolate's memory locally. Reading never touches the
 * database. When the store cannot be read the answer says so (available: false, note) instead of failing.
 */
export async function apiUsageReport(
  env: Partial<Env>,
  period: ReportPeriod,
  route?: string,
  fetcher?: typeof fetch,
): Promise<{ data: ApiUsageRow[]; meta: ApiUsageMeta }> {
  const source = usageSource(env);
  const meta = (available: boolean, note: string | null): ApiUsageMeta => ({
    columns: COLUMNS,
    period: { from: period.from, to: period.to },
    source,
    available,
    note,
    generatedAt: new Date().toISOString(),
  });
  if (source === 'off') return { data: [], meta: meta(false, 'API usage recording is off (API_USAGE_STORE=off).') };
  if (source === 'memory') {
    const points = memoryUsageStore
      .points(period.start.getTime(), period.end.getTime())
      .filter((p) => route === undefined || p.route === route);
    return {
      data: summarizeUsage(points),
      meta: meta(
        true,
        `Local store: the latest ${memoryUsageStore.held().toLocaleString('en')} requests held in the worker's memory since it started.`,
      ),
    };
  }
  if (!env.ANALYTICS_ACCOUNT_ID || !env.ANALYTICS_API_TOKEN)
    return {
      data: [],
      meta: meta(false, 'Set ANALYTICS_ACCOUNT_ID and the ANALYTICS_API_TOKEN secret to read Analytics Engine.'),
    };
  try {
    const rows = await readAnalyticsEngineUsage(
      {
        accountId: env.ANALYTICS_ACCOUNT_ID,
        apiToken: env.ANALYTICS_API_TOKEN,
        dataset: env.API_USAGE_DATASET ?? DEFAULT_USAGE_DATASET,
        fetch: fetcher,
      },
      period.start,
      period.end,
      route,
    );
    return { data: rows, meta: meta(true, 'Analytics Engine keeps three months; busy routes may be sampled.') };
  } catch (error) {
    return { data: [], meta: meta(false, `Analytics Engine could not be read: ${(error as Error).message}`) };
  }
}
