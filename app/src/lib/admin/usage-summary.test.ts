import { describe, expect, it } from 'vitest';
import type { ApiUsageRow } from '$contract/analytics';
import { usageByDay, usageTotals } from './usage-summary';

const row = (day: string, route: string, requests: number, clientErrors = 0, serverErrors = 0): ApiUsageRow => ({
  day,
  route,
  method: 'GET',
  requests,
  clientErrors,
  serverErrors,
  errorRate: 0,
  clientErrorRate: 0,
  p50: 1,
  p95: 2,
  p99: 3,
});

describe('API usage summaries', () => {
  const rows = [
    row('2026-01-02', '/api/courses', 90, 3, 1),
    row('2026-01-02', '/api/lessons/:documentId', 10, 0, 1),
    row('2026-01-04', '/api/courses', 20),
  ];

  it('adds up each day and keeps quiet days as zeros', () => {
    expect(usageByDay(rows, { from: '2026-01-01', to: '2026-01-04' })).toEqual([
      { day: '2026-01-01', requests: 0, clientErrors: 0, serverErrors: 0 },
      { day: '2026-01-02', requests: 100, clientErrors: 3, serverErrors: 2 },
      { day: '2026-01-03', requests: 0, clientErrors: 0, serverErrors: 0 },
      { day: '2026-01-04', requests: 20, clientErrors: 0, serverErrors: 0 },
    ]);
  });

  it('gives the total, the server error rate and the busiest route', () => {
    expect(usageTotals(rows)).toEqual({
      requests: 120,
      serverErrorRate: (2 / 120) * 100,
      busiest: { route: '/api/courses', method: 'GET', requests: 110 },
    });
    expect(usageTotals([])).toEqual({ requests: 0, serverErrorRate: 0, busiest: null });
  });
});
