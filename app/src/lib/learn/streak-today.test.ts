import { describe, expect, it } from 'vitest';
import { localDay, streakToday } from './streak-today';

const streak = (last: string | null, current = 4, longest = 9) => ({
  currentStreak: current,
  longestStreak: longest,
  lastActivityDate: last,
});

describe('streakToday', () => {
  const now = new Date('2026-03-10T09:00:00Z');

  it('counts today once there was activity today', () => {
    expect(streakToday(streak('2026-03-10T07:00:00Z'), now, 'UTC')).toEqual({ days: 4, longest: 9, doneToday: true });
  });

  it('keeps yesterday’s streak alive, waiting for today', () => {
    expect(streakToday(streak('2026-03-09T20:00:00Z'), now, 'UTC')).toEqual({ days: 4, longest: 9, doneToday: false });
  });

  it('shows a streak broken before yesterday as 0, keeping the longest', () => {
    expect(streakToday(streak('2026-03-07T20:00:00Z'), now, 'UTC')).toEqual({ days: 0, longest: 9, doneToday: false });
    expect(streakToday(undefined, now, 'UTC')).toEqual({ days: 0, longest: 0, doneToday: false });
  });

  it('counts days in the learner’s time zone', () => {
    // 22:30 UTC on the 9th is already the 10th in Makkah (UTC+3).
    expect(streakToday(streak('2026-03-09T22:30:00Z'), now, 'Asia/Riyadh').doneToday).toBe(true);
    expect(localDay(new Date('2026-03-09T22:30:00Z'), 'Asia/Riyadh')).toBe('2026-03-10');
    expect(localDay(new Date('2026-03-09T22:30:00Z'), 'not/a-zone')).toBe('2026-03-09');
  });
});
