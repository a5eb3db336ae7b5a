import type { ApiUsageRow } from '../../contract/analytics';
import { statusClass, type UsageSink } from './usage-point';

/**
 * Production's usage store: one Workers Analytics Engine data point per request. writeDataPoint queues
 * the point in the runtime and returns at once: no await, no round trip, nothing the answer waits for.
 * Layout: index1 = route (the sampling key, so a busy route is sampled, a quiet one kept whole),
 * blob1 = route, blob2 = method, blob3 = status class, double1 = duration in ms, double2 = status.
 */
export function analyticsEngineSink(dataset: AnalyticsEngineDataset): UsageSink {
  return {
    write(point) {
      dataset.writeDataPoint({
        indexes: [point.route.slice(0, 96)],
        blobs: [point.route, point.method, statusClass(point.status)],
        doubles: [point.durationMs, point.status],
      });
    },
  };
}

export interface AnalyticsEngineReader {
  accountId: string;
  apiToken: string;
  dataset: string;
  fetch?: typeof fetch;
}

const sqlDateTime = (date: Date) => date.toISOString().slice(0, 19).replace('T', ' ');

/**
 * The Analytics Engine SQL (ClickHouse-like) for the usage report. Counts and percentiles weigh each row
 * by _sample_interval, as sampled data must be read. Route names come from our own route table and the
 * route filter is checked against /^[\w/:*{}.+-]+$/ before it gets here, so it is safe inside quotes.
 */
export function usageSql(dataset: string, start: Date, end: Date, route?: string): string {
  if (!/^\w+$/.test(dataset)) throw new Error(`invalid Analytics Engine dataset name ${dataset}`);
  if (route !== undefined && !/^[\w/:*{}.+-]+$/.test(route)) throw new Error('invalid route filter');
  return [
    `SELECT toStartOfInterval(timestamp, INTERVAL '1' DAY) AS day, blob1 AS route, blob2 AS method,`,
    `  sum(_sample_interval) AS requests,`,
    `  sumIf(_sample_interval, double2 >= 400 AND double2 < 500) AS client_errors,`,
    `  sumIf(_sample_interval, double2 >= 500) AS server_errors,`,
    `  quantileExactWeighted(0.5)(double1, _sample_interval) AS p50,`,
    `  quantileExactWeighted(0.95)(double1, _sample_interval) AS p95,`,
    `  quantileExactWeighted(0.99)(double1, _sample_interval) AS p99`,
    `FROM ${dataset}`,
    `WHERE timestamp >= toDateTime('${sqlDateTime(start)}') AND timestamp < toDateTime('${sqlDateTime(end)}')` +
      (route === undefined ? '' : ` AND blob1 = '${route}'`),
    `GROUP BY day, route, method`,
    `ORDER BY day DESC, requests DESC, route, method`,
    `FORMAT JSON`,
  ].join('\n');
}

type SqlApiRow = Record<'day' | 'route' | 'method', string> &
  Record<'requests' | 'client_errors' | 'server_errors' | 'p50' | 'p95' | 'p99', string | number>;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The rows of a FORMAT JSON answer, in our shape (UInt64 columns arrive as strings). */
export function usageRows(answer: { data?: SqlApiRow[] }): ApiUsageRow[] {
  return (answer.data ?? []).map((r) => {
    const requests = Number(r.requests);
    const clientErrors = Number(r.client_errors);
    const serverErrors = Number(r.server_errors);
    return {
      day: String(r.day).slice(0, 10),
      route: r.route,
      method: r.method,
      requests,
      clientErrors,
      serverErrors,
      errorRate: requests ? round1((100 * serverErrors) / requests) : 0,
      clientErrorRate: requests ? round1((100 * clientErrors) / requests) : 0,
      p50: round1(Number(r.p50)),
      p95: round1(Number(r.p95)),
      p99: round1(Number(r.p99)),
    };
  });
}

/** Reads the usage report from the Analytics Engine SQL API (an account token with Account Analytics: Read). */
export async function readAnalyticsEngineUsage(
  reader: AnalyticsEngineReader,
  start: Date,
  end: Date,
  route?: string,
): Promise<ApiUsageRow[]> {
  const response = await (reader.fetch ?? fetch)(
    `https://api.cloudflare.com/client/v4/accounts/${encodeURIComponent(reader.accountId)}/analytics_engine/sql`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${reader.apiToken}` },
      body: usageSql(reader.dataset, start, end, route),
    },
  );
  if (!response.ok) throw new Error(`Analytics Engine SQL API answered ${response.status}`);
  return usageRows((await response.json()) as { data?: SqlApiRow[] });
}
