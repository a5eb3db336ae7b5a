import { describe, expect, it } from 'vitest';
import { clockParts, deadlineAfter, runningOut, secondsLeft } from './timer';

describe('the quiz clock', () => {
  const deadline = '2026-11-25T10:10:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts whole seconds down to the deadline, never below zero; untimed attempts have none', () => {
    expect(secondsLeft(deadline, at('2026-11-25T10:00:00.000Z'))).toBe(600);
    expect(secondsLeft(deadline, at('2026-11-25T10:09:59.200Z'))).toBe(1);
    expect(secondsLeft(deadline, at('2026-11-25T10:10:00.000Z'))).toBe(0);
    expect(secondsLeft(deadline, at('2026-11-25T11:00:00.000Z'))).toBe(0);
    expect(secondsLeft(null, at('2026-11-25T10:00:00.000Z'))).toBeNull();
  });

  it('splits seconds into minutes and seconds', () => {
    expect(clockParts(600)).toEqual({ minutes: 10, seconds: 0 });
    expect(clockParts(65)).toEqual({ minutes: 1, seconds: 5 });
    expect(clockParts(0)).toEqual({ minutes: 0, seconds: 0 });
  });

  it('runs out in the last minute, or the last tenth of a long quiz', () => {
    expect(runningOut(61, 600)).toBe(false);
    expect(runningOut(60, 600)).toBe(true);
    expect(runningOut(360, 3600)).toBe(true);
    expect(runningOut(361, 3600)).toBe(false);
  });

  it('a deadline is the start plus the limit, or none without a limit', () => {
    expect(deadlineAfter('2026-11-25T10:00:00.000Z', 600)).toBe(deadline);
    expect(deadlineAfter('2026-11-25T10:00:00.000Z', null)).toBeNull();
  });
});
