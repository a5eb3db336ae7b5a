// A timed attempt's clock: the deadline is the server's (or, offline, the phone's start plus the limit);
// the page only counts down to it, so a reload or a sleeping phone never gives extra time.

/** Whole seconds left before `deadline` at `now` (never below 0), or null for an untimed attempt. */
export function secondsLeft(deadline: string | null, now: number): number | null {
  if (!deadline) return null;
  return Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000));
}

/** Minutes and seconds for the clock's text. */
export function clockParts(seconds: number): { minutes: number; seconds: number } {
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
}

/** The last minute, or the last tenth of a long quiz's time, is shown as running out. */
export function runningOut(seconds: number, limitSeconds: number | null): boolean {
  return seconds <= Math.max(60, (limitSeconds ?? 0) / 10);
}

/** A deadline `limitSeconds` after `startedAt`, or null when the quiz has no time limit. */
export function deadlineAfter(startedAt: string, limitSeconds: number | null): string | null {
  return limitSeconds ? new Date(Date.parse(startedAt) + limitSeconds * 1000).toISOString() : null;
}
