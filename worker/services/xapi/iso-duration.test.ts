import { describe, expect, it } from 'vitest';
import { toIsoDuration } from './iso-duration';

describe('toIsoDuration', () => {
  it('writes hours, minutes and seconds', () => {
    expect(toIsoDuration(3723)).toBe('PT1H2M3S');
  });

  it('writes zero as PT0S, never a bare PT', () => {
    expect(toIsoDuration(0)).toBe('PT0S');
  });

  it('leaves out the parts that are zero', () => {
    expect(toIsoDuration(45)).toBe('PT45S');
    expect(toIsoDuration(60)).toBe('PT1M');
    expect(toIsoDuration(3600)).toBe('PT1H');
    expect(toIsoDuration(3601)).toBe('PT1H1S');
    expect(toIsoDuration(7260)).toBe('PT2H1M');
  });

  it('keeps long sessions in hours rather than days', () => {
    expect(toIsoDuration(90_000)).toBe('PT25H');
  });

  it('keeps fractions to the hundredth of a second xAPI allows', () => {
    expect(toIsoDuration(1.5)).toBe('PT1.5S');
    expect(toIsoDuration(2.346)).toBe('PT2.35S');
    expect(toIsoDuration(59.999)).toBe('PT1M');
  });

  it('refuses negative and non-finite durations', () => {
    expect(() => toIsoDuration(-1)).toThrow(RangeError);
    expect(() => toIsoDuration(Number.NaN)).toThrow(RangeError);
    expect(() => toIsoDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
