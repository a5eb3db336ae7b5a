import { describe, expect, it } from 'vitest';
import { applyActivity, daysBetween, localDate, type StreakState } from './streak-rules';

const empty: StreakState = { current: 0, longest: 0, lastDate: null, startDate: null };
const run = (...dates: string[]) => dates.reduce(applyActivity, empty);

describe('local dates', () => {
  it('uses the learner’s time zone, not UTC', () => {
    const lateEveningInLondon = new Date('2026-06-01T23:30:00Z');
    expect(localDate(lateEveningInLondon, 'UTC')).toBe('2026-06-01');
    expect(localDate(lateEveningInLondon, 'Europe/London')).toBe('2026-06-02');
    expect(localDate(lateEveningInLondon, 'America/Chicago')).toBe('2026-06-01');
    expect(localDate(new Date('2026-06-01T20:30:00Z'), 'Asia/Karachi')).toBe('2026-06-02');
  });

  it('counts days across a daylight-saving change as whole days', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-25')).toBe(1);
  });
});

describe('streak rules', () => {
  it('consecutive days extend the streak', () => {
    expect(run('2026-01-01', '2026-01-02', '2026-01-03')).toMatchObject({
      current: 3,
      longest: 3,
      startDate: '2026-01-01',
    });
  });

  it('the same day twice counts once (retries, replays)', () => {
    expect(run('2026-01-01', '2026-01-01', '2026-01-02', '2026-01-02')).toMatchObject({ current: 2, longest: 2 });
  });

  it('a missed day restarts at one but keeps the longest', () => {
    expect(run('2026-01-01', '2026-01-02', '2026-01-03', '2026-01-05')).toMatchObject({
      current: 1,
      longest: 3,
      startDate: '2026-01-05',
    });
  });

  it('an activity older than the last counted day changes nothing', () => {
    const state = run('2026-01-01', '2026-01-02');
    expect(applyActivity(state, '2025-12-31')).toEqual(state);
  });

  it('midnight in the learner’s zone is the day boundary', () => {
    const zone = 'Asia/Karachi';
    const a = localDate(new Date('2026-01-01T18:30:00Z'), zone); // 23:30 local, Jan 1
    const b = localDate(new Date('2026-01-01T19:30:00Z'), zone); // 00:30 local, Jan 2
    expect(run(a, b).current).toBe(2);
  });
});
