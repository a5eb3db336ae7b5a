/** The calendar date (YYYY-MM-DD) of an instant where the learner lives. */
export function localDate(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from date a to date b (both YYYY-MM-DD), independent of time zones and DST. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export interface StreakState {
  current: number;
  longest: number;
  /** The local date of the last counted activity. */
  lastDate: string | null;
  startDate: string | null;
}

/**
 * The streak rules, in the learner's own time zone:
 * - activity on the same local day as the last one changes nothing (retries never add a day twice);
 * - activity on the next local day extends the streak by one;
 * - after a missed day the streak restarts at 1;
 * - activity dated before the last counted day (a late offline replay) leaves the streak as it is;
 * - the longest streak is the highest the current streak has reached.
 */
export function applyActivity(state: StreakState, activityDate: string): StreakState {
  if (state.lastDate === null)
    return { current: 1, longest: Math.max(1, state.longest), lastDate: activityDate, startDate: activityDate };
  const gap = daysBetween(state.lastDate, activityDate);
  if (gap <= 0) return state;
  if (gap === 1) {
    const current = state.current + 1;
    return {
      current,
      longest: Math.max(current, state.longest),
      lastDate: activityDate,
      startDate: state.startDate ?? activityDate,
    };
  }
  return { current: 1, longest: Math.max(1, state.longest), lastDate: activityDate, startDate: activityDate };
}
