// The benchmark's arithmetic, kept pure so it can be unit-tested: percentiles, the per-request cost
// headers (X-DB-Queries, X-DB-Sessions), shares of the /_health ceiling, and target verdicts.

/** The q-quantile (0..1) by nearest rank: the smallest value with at least q of the values at or below it. */
export function percentile(values: readonly number[], q: number): number {
  if (!values.length) return NaN;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`a quantile is between 0 and 1, got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A count header of the worker (X-DB-Queries, X-DB-Sessions, X-Password-Checks): a whole number, or
 * undefined when it is missing (the request never reached the database middleware, or stats are off) or
 * not a whole number.
 */
export function countHeader(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** What one request cost on average: a counter's growth over the run divided by the requests answered. */
export function perRequest(delta: number, requests: number): number | undefined {
  return requests > 0 ? delta / requests : undefined;
}

/** A rate as a percentage of the ceiling's (e.g. an endpoint's req/s against /_health's). */
export function shareOf(value: number, ceiling: number): number | undefined {
  return ceiling > 0 && Number.isFinite(value) ? (100 * value) / ceiling : undefined;
}

export interface Target {
  /** What is measured, e.g. "courses list req/s ≥ 60% of /_health". */
  name: string;
  measured: number | undefined;
  bound: number;
  /** 'min': measured must be at least the bound; 'max': at most. */
  kind: 'min' | 'max';
  unit: string;
}

export type Verdict = 'met' | 'missed' | 'not measured';

export function verdict(target: Target): Verdict {
  const { measured, bound, kind } = target;
  if (measured === undefined || !Number.isFinite(measured)) return 'not measured';
  return (kind === 'min' ? measured >= bound : measured <= bound) ? 'met' : 'missed';
}

/** A number for a table: fixed decimals, '-' when there is none. */
export function fixed(value: number | undefined, digits = 1): string {
  return value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);
}
