import { describe, expect, it } from 'vitest';
import { optionalPeriod, reportPeriod, weekStart, wholeWeeks } from './report-period';

describe('report windows', () => {
  it('default to the 90 days up to today, both ends included', () => {
    const period = reportPeriod({}, new Date('2026-03-31T18:00:00Z'));
    expect(period.from).toBe('2026-01-01');
    expect(period.to).toBe('2026-03-31');
    expect(period.start.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('count 90 days back from a given `to`', () => {
    expect(reportPeriod({ to: '2025-03-31' }).from).toBe('2025-01-01');
    expect(reportPeriod({ from: '2025-02-01', to: '2025-02-01' }).end.toISOString()).toBe('2025-02-02T00:00:00.000Z');
  });

  it('widen to whole ISO weeks, Monday to Sunday', () => {
    // Wednesday 5 March to Tuesday 18 March 2025.
    const weeks = wholeWeeks(reportPeriod({ from: '2025-03-05', to: '2025-03-18' }));
    expect(weeks.from).toBe('2025-03-03');
    expect(weeks.to).toBe('2025-03-23');
    expect(weekStart(new Date('2025-03-09T23:59:00Z')).toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(weekStart(new Date('2025-03-10T00:00:00Z')).toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });

  it('leave quiz statistics unbounded unless a day is given', () => {
    expect(optionalPeriod({})).toBeNull();
    expect(optionalPeriod({ from: '2025-01-01', to: '2025-01-31' })?.end.toISOString()).toBe(
      '2025-02-01T00:00:00.000Z',
    );
  });
});
