import { DEFAULT_REPORT_DAYS } from '../../contract/analytics';

/**
 * A report's window in UTC days: `from` and `to` both included, as the caller names them; `start` and
 * `end` are the instants bounding it (`end` is midnight after `to`, excluded), for SQL. Days are UTC for
 * everyone, like the leaderboards: one school, one calendar.
 */
export interface ReportPeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const atMidnight = (day: string) => new Date(`${day}T00:00:00Z`);

export function reportPeriod(
  query: { from?: string; to?: string },
  now: Date = new Date(),
  defaultDays = DEFAULT_REPORT_DAYS,
): ReportPeriod {
  const to = query.to ?? dayOf(now);
  const from = query.from ?? dayOf(new Date(atMidnight(to).getTime() - (defaultDays - 1) * DAY_MS));
  return { from, to, start: atMidnight(from), end: new Date(atMidnight(to).getTime() + DAY_MS) };
}

/** Monday 00:00 UTC of the ISO week holding `date`. */
export function weekStart(date: Date): Date {
  const midnight = atMidnight(dayOf(date));
  const sinceMonday = (midnight.getUTCDay() + 6) % 7;
  return new Date(midnight.getTime() - sinceMonday * DAY_MS);
}

/** The window widened to whole ISO weeks (Monday to Sunday), so the first and last weeks are not partial. */
export function wholeWeeks(period: ReportPeriod): ReportPeriod {
  const start = weekStart(period.start);
  const end = new Date(weekStart(new Date(period.end.getTime() - 1)).getTime() + 7 * DAY_MS);
  return { from: dayOf(start), to: dayOf(new Date(end.getTime() - DAY_MS)), start, end };
}

/** A window only when the caller gave one: quiz statistics cover every attempt unless asked otherwise. */
export function optionalPeriod(query: { from?: string; to?: string }, now?: Date): ReportPeriod | null {
  return query.from === undefined && query.to === undefined ? null : reportPeriod(query, now);
}
