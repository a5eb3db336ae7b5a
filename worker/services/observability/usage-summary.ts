import type { ApiUsageRow } from '../../contract/analytics';
import type { UsagePoint } from './usage-point';

/** Nearest-rank percentile of ascending values: the smallest value with at least q of them at or below. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Requests per UTC day, route pattern and method, with 4xx and 5xx counts and latency percentiles: what
 * the Analytics Engine SQL query answers in production, computed here from raw points. Busiest first
 * within a day, newest day first.
 */
export function summarizeUsage(points: UsagePoint[]): ApiUsageRow[] {
  const groups = new Map<
    string,
    { day: string; route: string; method: string; durations: number[]; c4: number; c5: number }
  >();
  for (const p of points) {
    const day = new Date(p.at).toISOString().slice(0, 10);
    const key = `${day} ${p.method} ${p.route}`;
    let group = groups.get(key);
    if (!group) {
      group = { day, route: p.route, method: p.method, durations: [], c4: 0, c5: 0 };
      groups.set(key, group);
    }
    group.durations.push(p.durationMs);
    if (p.status >= 500) group.c5 += 1;
    else if (p.status >= 400) group.c4 += 1;
  }
  const rows = [...groups.values()].map((g) => {
    const sorted = g.durations.sort((a, b) => a - b);
    const requests = sorted.length;
    return {
      day: g.day,
      route: g.route,
      method: g.method,
      requests,
      clientErrors: g.c4,
      serverErrors: g.c5,
      errorRate: round1((100 * g.c5) / requests),
      clientErrorRate: round1((100 * g.c4) / requests),
      p50: round1(percentile(sorted, 0.5)),
      p95: round1(percentile(sorted, 0.95)),
      p99: round1(percentile(sorted, 0.99)),
    };
  });
  return rows.sort(
    (a, b) =>
      b.day.localeCompare(a.day) ||
      b.requests - a.requests ||
      a.route.localeCompare(b.route) ||
      a.method.localeCompare(b.method),
  );
}
