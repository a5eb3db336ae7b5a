import { describe, expect, it } from 'vitest';
import type { UsagePoint } from './usage-point';
import { percentile, summarizeUsage } from './usage-summary';

const at = (iso: string) => Date.parse(iso);
const point = (fields: Partial<UsagePoint>): UsagePoint => ({
  at: at('2026-03-02T10:00:00Z'),
  route: '/api/courses',
  method: 'GET',
  status: 200,
  durationMs: 10,
  ...fields,
});

describe('usage percentiles', () => {
  it('uses the nearest rank: the smallest value with at least q of the values at or below it', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(percentile(values, 0.5)).toBe(10);
    expect(percentile(values, 0.95)).toBe(19);
    expect(percentile(values, 0.99)).toBe(20);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBe(0);
  });
});

describe('usage summary', () => {
  it('groups by UTC day, method and route, with error counts, rates and percentiles', () => {
    const points = [
      ...Array.from({ length: 20 }, (_, i) => point({ durationMs: i + 1 })),
      point({ status: 404, durationMs: 3 }),
      point({ status: 503, durationMs: 50 }),
      point({ route: '/api/courses/:documentId', durationMs: 4 }),
      point({ method: 'POST', status: 201 }),
      point({ at: at('2026-03-01T23:59:59Z'), durationMs: 99 }),
    ];
    const rows = summarizeUsage(points);
    expect(rows.map((r) => [r.day, r.method, r.route, r.requests])).toEqual([
      ['2026-03-02', 'GET', '/api/courses', 22],
      ['2026-03-02', 'POST', '/api/courses', 1],
      ['2026-03-02', 'GET', '/api/courses/:documentId', 1],
      ['2026-03-01', 'GET', '/api/courses', 1],
    ]);
    // 22 durations: 1..20, 3 and 50. Sorted: 1,2,3,3,4,...,20,50. p50 is the 11th (10), p95 the 21st (20),
    // p99 the 22nd (50).
    expect(rows[0]).toEqual({
      day: '2026-03-02',
      route: '/api/courses',
      method: 'GET',
      requests: 22,
      clientErrors: 1,
      serverErrors: 1,
      errorRate: 4.5,
      clientErrorRate: 4.5,
      p50: 10,
      p95: 20,
      p99: 50,
    });
  });
});
