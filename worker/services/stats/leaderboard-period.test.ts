import { describe, expect, it } from 'vitest';
import { periodStart } from './leaderboard-period';

describe('leaderboard periods', () => {
  it('a week starts on the Monday before, at midnight UTC, even across a month boundary', () => {
    // Sunday 2 March 2025, late evening: the week began on Monday 24 February.
    expect(periodStart('week', new Date('2025-03-02T23:59:59Z'))?.toISOString()).toBe('2025-02-24T00:00:00.000Z');
    expect(periodStart('week', new Date('2025-03-03T00:00:00Z'))?.toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(periodStart('week', new Date('2025-03-05T12:30:00Z'))?.toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });

  it('a month starts on the 1st at midnight UTC; "all" has no start', () => {
    expect(periodStart('month', new Date('2025-03-31T23:00:00Z'))?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(periodStart('month', new Date('2024-01-01T00:00:00Z'))?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(periodStart('all', new Date())).toBeNull();
  });

  it('ignores the server’s local time zone: UTC decides', () => {
    // 23:30 UTC on Sunday is already Monday in Asia; it is still the previous week here.
    expect(periodStart('week', new Date('2025-03-09T23:30:00Z'))?.toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });
});
