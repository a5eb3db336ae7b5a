import { describe, expect, it } from 'vitest';
import { analyticsEngineSink, readAnalyticsEngineUsage, usageSql } from './analytics-engine';

// Workers Analytics Engine has no local counterpart (miniflare's dataset drops every point), so the
// production paths are checked against what Cloudflare documents: the binding's writeDataPoint shape and
// the SQL API's request and FORMAT JSON answer.

describe('Analytics Engine usage', () => {
  it('writes one data point: the route as index and blob, method, status class, duration, status', () => {
    const written: unknown[] = [];
    const sink = analyticsEngineSink({ writeDataPoint: (p: unknown) => written.push(p) } as AnalyticsEngineDataset);
    sink.write({ at: 0, route: '/api/courses/:documentId', method: 'GET', status: 404, durationMs: 12.5 });
    expect(written).toEqual([
      {
        indexes: ['/api/courses/:documentId'],
        blobs: ['/api/courses/:documentId', 'GET', '4xx'],
        doubles: [12.5, 404],
      },
    ]);
  });

  it('asks the SQL API for sample-weighted counts and percentiles per day, route and method', () => {
    const text = usageSql(
      'lms_api_usage',
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-08T00:00:00Z'),
      '/api/courses',
    );
    expect(text).toContain('sum(_sample_interval) AS requests');
    expect(text).toContain('quantileExactWeighted(0.99)(double1, _sample_interval) AS p99');
    expect(text).toContain(
      "WHERE timestamp >= toDateTime('2026-03-01 00:00:00') AND timestamp < toDateTime('2026-03-08 00:00:00') AND blob1 = '/api/courses'",
    );
    expect(text).toContain('GROUP BY day, route, method');
    expect(() => usageSql("x'; DROP", new Date(), new Date())).toThrow();
    expect(() => usageSql('lms_api_usage', new Date(), new Date(), "/api' OR '1'='1")).toThrow();
  });

  it('reads the answer with the account token, numbers given as strings included', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return Response.json({
        meta: [],
        data: [
          {
            day: '2026-03-02 00:00:00',
            route: '/api/courses',
            method: 'GET',
            requests: '200',
            client_errors: '4',
            server_errors: '1',
            p50: 11.04,
            p95: 40,
            p99: 97.66,
          },
        ],
        rows: 1,
      });
    }) as unknown as typeof fetch;
    const rows = await readAnalyticsEngineUsage(
      { accountId: 'acc123', apiToken: 'secret-token', dataset: 'lms_api_usage', fetch: fetcher },
      new Date('2026-03-01T00:00:00Z'),
      new Date('2026-03-08T00:00:00Z'),
    );
    expect(requests[0]!.url).toBe('https://api.cloudflare.com/client/v4/accounts/acc123/analytics_engine/sql');
    expect(requests[0]!.init.headers).toEqual({ authorization: 'Bearer secret-token' });
    expect(rows).toEqual([
      {
        day: '2026-03-02',
        route: '/api/courses',
        method: 'GET',
        requests: 200,
        clientErrors: 4,
        serverErrors: 1,
        errorRate: 0.5,
        clientErrorRate: 2,
        p50: 11,
        p95: 40,
        p99: 97.7,
      },
    ]);
  });

  it('says so when the SQL API refuses', async () => {
    const fetcher = (async () => new Response('no', { status: 403 })) as unknown as typeof fetch;
    await expect(
      readAnalyticsEngineUsage({ accountId: 'a', apiToken: 't', dataset: 'd', fetch: fetcher }, new Date(), new Date()),
    ).rejects.toThrow('answered 403');
  });
});
