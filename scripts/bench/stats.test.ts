import { describe, expect, it } from 'vitest';
import { countHeader, fixed, median, percentile, perRequest, shareOf, verdict } from './stats';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it('is the nearest rank of the sorted values', () => {
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 1)).toBe(100);
    expect(percentile(hundred, 0)).toBe(1);
    expect(percentile([7, 1, 3], 0.5)).toBe(3);
    expect(percentile([5], 0.99)).toBe(5);
  });

  it('does not reorder its input, and is NaN for no values', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('refuses a quantile outside 0..1', () => {
    expect(() => percentile([1], 99)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('countHeader', () => {
  it('reads a whole number', () => {
    expect(countHeader('1')).toBe(1);
    expect(countHeader(' 0 ')).toBe(0);
    expect(countHeader('12')).toBe(12);
  });

  it('is undefined when the header is missing or not a whole number', () => {
    expect(countHeader(null)).toBeUndefined();
    expect(countHeader(undefined)).toBeUndefined();
    expect(countHeader('')).toBeUndefined();
    expect(countHeader('1.5')).toBeUndefined();
    expect(countHeader('-1')).toBeUndefined();
    expect(countHeader('1, 2')).toBeUndefined();
  });
});

describe('perRequest and shareOf', () => {
  it('divides by the requests answered, and by nothing never', () => {
    expect(perRequest(30, 10)).toBe(3);
    expect(perRequest(0, 500)).toBe(0);
    expect(perRequest(5, 0)).toBeUndefined();
  });

  it('gives a percentage of the ceiling', () => {
    expect(shareOf(600, 1200)).toBe(50);
    expect(shareOf(1300, 1000)).toBe(130);
    expect(shareOf(10, 0)).toBeUndefined();
    expect(shareOf(Number.NaN, 100)).toBeUndefined();
  });
});

describe('verdict', () => {
  it('compares with the bound in the target’s direction, the bound itself included', () => {
    expect(verdict({ name: 'req/s', measured: 726, bound: 726, kind: 'min', unit: 'req/s' })).toBe('met');
    expect(verdict({ name: 'req/s', measured: 725.9, bound: 726, kind: 'min', unit: 'req/s' })).toBe('missed');
    expect(verdict({ name: 'p99', measured: 40, bound: 40, kind: 'max', unit: 'ms' })).toBe('met');
    expect(verdict({ name: 'p99', measured: 41, bound: 40, kind: 'max', unit: 'ms' })).toBe('missed');
  });

  it('is "not measured" without a figure', () => {
    expect(verdict({ name: 'p99', measured: undefined, bound: 40, kind: 'max', unit: 'ms' })).toBe('not measured');
    expect(verdict({ name: 'p99', measured: Number.NaN, bound: 40, kind: 'max', unit: 'ms' })).toBe('not measured');
  });
});

describe('fixed', () => {
  it('prints a dash for a missing figure', () => {
    expect(fixed(1.25, 1)).toBe('1.3');
    expect(fixed(undefined)).toBe('-');
    expect(fixed(Number.POSITIVE_INFINITY)).toBe('-');
  });
});
