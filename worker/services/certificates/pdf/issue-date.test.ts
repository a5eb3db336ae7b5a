import { describe, expect, it } from 'vitest';
import { formatIssueDate } from './issue-date';

describe('the issue date on a certificate', () => {
  it('reads day, month name, year: 25 November 2026', () => {
    expect(formatIssueDate(new Date('2026-11-25T10:00:00Z'))).toBe('25 November 2026');
  });

  it('is the UTC calendar day, whatever the zone the runtime is in', () => {
    expect(formatIssueDate(new Date('2026-01-01T00:00:00Z'))).toBe('1 January 2026');
    expect(formatIssueDate(new Date('2026-12-31T23:59:59Z'))).toBe('31 December 2026');
  });

  it('refuses an invalid date instead of printing "NaN"', () => {
    expect(() => formatIssueDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('the issue date on an Arabic certificate', () => {
  it('names the month in Arabic and writes Arabic digits', () => {
    expect(formatIssueDate(new Date('2026-11-25T10:00:00Z'), 'ar')).toBe('٢٥ نوفمبر ٢٠٢٦');
  });
});
