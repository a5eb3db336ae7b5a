import type { ApiUsageRow } from '$contract/analytics';

export interface UsageDay {
  day: string;
  requests: number;
  clientErrors: number;
  serverErrors: number;
}

/** Requests and errors per day, every day of the period included (a quiet day is a zero, not a gap). */
export function usageByDay(rows: ApiUsageRow[], period: { from: string; to: string }): UsageDay[] {
  const days = new Map<string, UsageDay>();
  for (let at = Date.parse(period.from); at <= Date.parse(period.to); at += 86_400_000) {
    const day = new Date(at).toISOString().slice(0, 10);
    days.set(day, { day, requests: 0, clientErrors: 0, serverErrors: 0 });
  }
  for (const row of rows) {
    const day = days.get(row.day) ?? { day: row.day, requests: 0, clientErrors: 0, serverErrors: 0 };
    day.requests += row.requests;
    day.clientErrors += row.clientErrors;
    day.serverErrors += row.serverErrors;
    days.set(row.day, day);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export interface UsageTotals {
  requests: number;
  /** Percent of requests answered 5xx over the period. */
  serverErrorRate: number;
  busiest: { route: string; method: string; requests: number } | null;
}

export function usageTotals(rows: ApiUsageRow[]): UsageTotals {
  const requests = rows.reduce((sum, row) => sum + row.requests, 0);
  const serverErrors = rows.reduce((sum, row) => sum + row.serverErrors, 0);
  const byRoute = new Map<string, { route: string; method: string; requests: number }>();
  for (const row of rows) {
    const key = `${row.method} ${row.route}`;
    const entry = byRoute.get(key) ?? { route: row.route, method: row.method, requests: 0 };
    entry.requests += row.requests;
    byRoute.set(key, entry);
  }
  const busiest = [...byRoute.values()].sort((a, b) => b.requests - a.requests)[0] ?? null;
  return { requests, serverErrorRate: requests ? (serverErrors / requests) * 100 : 0, busiest };
}
