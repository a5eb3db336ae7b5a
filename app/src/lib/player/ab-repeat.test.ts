import { describe, expect, it } from 'vitest';
import {
  advance,
  clearRepeat,
  finished,
  initialRepeat,
  markEnd,
  markStart,
  onPlay,
  setActive,
  setTimes,
  type RepeatState,
} from './ab-repeat';

/** Plays from `from` to `to` in steps of a quarter second, as timeupdate would, following the commands. */
function play(state: RepeatState, from: number, until: (s: RepeatState, t: number) => boolean) {
  let s = state;
  let t = from;
  const seeks: number[] = [];
  for (let i = 0; i < 10_000 && !until(s, t); i++) {
    const next = t + 0.25;
    const step = advance(s, t, next);
    s = step.state;
    if (step.command.kind === 'seek') {
      seeks.push(step.command.to);
      t = step.command.to;
    } else if (step.command.kind === 'pause') return { s, t: step.command.at, seeks, paused: true };
    else t = next;
  }
  return { s, t, seeks, paused: false };
}

describe('A–B repeat', () => {
  const stretch = () => markEnd(markStart(initialRepeat(3), 5), 8)!;

  it('plays the stretch the chosen number of times, then pauses at its end', () => {
    const { s, seeks, paused, t } = play(stretch(), 5, () => false);
    expect(seeks).toEqual([5, 5]);
    expect(paused).toBe(true);
    expect(t).toBe(8);
    expect(s.played).toBe(3);
    expect(finished(s)).toBe(true);
  });

  it('starts over from A when play is pressed after every pass, or outside the stretch', () => {
    const done = play(stretch(), 5, () => false).s;
    const again = onPlay(done, 8);
    expect(again.command).toEqual({ kind: 'seek', to: 5 });
    expect(again.state.played).toBe(0);
    expect(onPlay(stretch(), 1).command).toEqual({ kind: 'seek', to: 5 });
    expect(onPlay(stretch(), 6).command).toEqual({ kind: 'none' });
  });

  it('does not count a jump past B made by seeking', () => {
    const step = advance(stretch(), 6, 30);
    expect(step.command).toEqual({ kind: 'none' });
    expect(step.state.played).toBe(0);
  });

  it('counts the end of the recording as reaching B when B is the end', () => {
    const s = markEnd(markStart(initialRepeat(2), 0), 10)!;
    expect(advance(s, 9.8, 10).command).toEqual({ kind: 'seek', to: 0 });
  });

  it('refuses an end that does not come after the start, and drops an end the new start passes', () => {
    const s = markStart(initialRepeat(), 10);
    expect(markEnd(s, 9)).toBeNull();
    expect(markEnd(s, 10.2)).toBeNull();
    const later = markStart(stretch(), 9);
    expect(later.end).toBeNull();
    expect(later.active).toBe(false);
  });

  it('does nothing while off, and cannot be switched on without a stretch', () => {
    const off = setActive(stretch(), false);
    expect(advance(off, 7.9, 8.1).command).toEqual({ kind: 'none' });
    expect(setActive(initialRepeat(), true).active).toBe(false);
    expect(setActive(off, true).active).toBe(true);
  });

  it('keeps the number of times between 1 and 99, and keeps it when cleared', () => {
    expect(setTimes(initialRepeat(), 0).times).toBe(1);
    expect(setTimes(initialRepeat(), 250).times).toBe(99);
    expect(setTimes(initialRepeat(), Number.NaN).times).toBe(1);
    expect(clearRepeat(setTimes(stretch(), 7))).toEqual({ ...initialRepeat(7) });
  });

  it('plays once and pauses when asked for one time', () => {
    const { seeks, paused } = play(setTimes(stretch(), 1), 5, () => false);
    expect(seeks).toEqual([]);
    expect(paused).toBe(true);
  });
});
