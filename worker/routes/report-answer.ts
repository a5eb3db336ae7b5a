import type { Context } from 'hono';
import type { ColumnUnit, ReportColumn } from '../contract/analytics';
import type { AppEnv } from '../env';
import { toCsv, type CsvValue } from '../lib/csv';

const UNIT_SUFFIX: Partial<Record<ColumnUnit, string>> = {
  percent: ' (%)',
  seconds: ' (s)',
  ms: ' (ms)',
  days: ' (days)',
};

/** CSV when asked for by ?format=csv, or by an Accept header preferring text/csv (and no ?format=json). */
export function wantsCsv(c: Context<AppEnv>, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  const accept = c.req.header('accept') ?? '';
  return /(^|,)\s*text\/csv/i.test(accept) && !/(^|,)\s*application\/json/i.test(accept);
}

function valueAt(row: unknown, path: string): CsvValue {
  let value: unknown = row;
  for (const key of path.split('.')) value = value == null ? undefined : (value as Record<string, unknown>)[key];
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export function csvBody(columns: ReportColumn[], rows: unknown[]): string {
  return toCsv(
    columns.map((c) => c.label + (UNIT_SUFFIX[c.unit] ?? '')),
    rows.map((row) => columns.map((c) => valueAt(row, c.key))),
  );
}

const safeName = (parts: (string | null | undefined)[]) =>
  parts
    .filter((p): p is string => Boolean(p))
    .join('_')
    .replace(/[^A-Za-z0-9._-]+/g, '-');

/**
 * A report as Strapi-like JSON `{ data, meta }`, or as a CSV download of the same table (meta.columns):
 * named like `completion_2025-01-01_2025-03-31.csv`. Either way the answer depends on Accept.
 */
export function answerReport(
  c: Context<AppEnv>,
  format: 'json' | 'csv' | undefined,
  answer: { data: unknown; meta: { columns: ReportColumn[] } },
  name: (string | null | undefined)[],
): Response {
  c.header('Vary', 'Accept');
  if (!wantsCsv(c, format)) return c.json(answer);
  const rows = Array.isArray(answer.data) ? answer.data : [answer.data];
  return c.body(csvBody(answer.meta.columns, rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${safeName(name)}.csv"`,
  });
}
