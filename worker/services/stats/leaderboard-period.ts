export const LEADERBOARD_PERIODS = ['week', 'month', 'all'] as const;
export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number];

/**
 * When a leaderboard period begins, in UTC for everyone: one school, one board, so the boundary cannot
 * depend on each learner's time zone. `week` starts on Monday 00:00 UTC (the ISO week), `month` on the
 * 1st at 00:00 UTC; `all` has no start (null).
 */
export function periodStart(period: LeaderboardPeriod, now: Date = new Date()): Date | null {
  if (period === 'all') return null;
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  if (period === 'month') return new Date(Date.UTC(year, month, 1));
  // getUTCDay() counts from Sunday (0); the ISO week counts from Monday.
  const daysSinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(year, month, now.getUTCDate() - daysSinceMonday));
}
