// A streak as the learner sees it today. The server only updates a streak on activity, so a stored
// streak whose last day is before yesterday is already broken: it shows 0 until the learner is back.
import type { Streak } from '$lib/api/types';

export interface StreakToday {
  /** Days in a row, today included when it already counts. */
  days: number;
  longest: number;
  /** Today already counts (learn today keeps it otherwise). */
  doneToday: boolean;
}

/** YYYY-MM-DD of `at` in the learner's time zone (the server counts days the same way). */
export function localDay(at: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

function dayBefore(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export function streakToday(
  streak: Pick<Streak, 'currentStreak' | 'longestStreak' | 'lastActivityDate'> | undefined,
  now: Date,
  timeZone: string,
): StreakToday {
  if (!streak?.lastActivityDate) return { days: 0, longest: streak?.longestStreak ?? 0, doneToday: false };
  const today = localDay(now, timeZone);
  const last = localDay(new Date(streak.lastActivityDate), timeZone);
  const doneToday = last === today;
  const alive = doneToday || last === dayBefore(today);
  return { days: alive ? streak.currentStreak : 0, longest: streak.longestStreak, doneToday };
}
