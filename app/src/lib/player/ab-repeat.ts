// Repeating a stretch of a recording A–B a chosen number of times, for memorising: a pure state machine
// the audio and video players drive with the media element's clock. Framework-free.

export interface RepeatState {
  /** Seconds; null until marked. */
  start: number | null;
  end: number | null;
  /** How many times the stretch plays in all (1–99). */
  times: number;
  /** Passes already played to the end of the stretch. */
  played: number;
  /** Whether the player is repeating the stretch. */
  active: boolean;
}

/** The shortest stretch worth repeating: shorter ones would stutter. */
export const MIN_STRETCH = 0.5;
export const MAX_TIMES = 99;
/** A jump larger than this between two clock readings is the learner seeking, not the recording playing. */
const SEEK_JUMP = 1.5;

export const initialRepeat = (times = 3): RepeatState => ({
  start: null,
  end: null,
  times,
  played: 0,
  active: false,
});

export const hasStretch = (s: RepeatState): s is RepeatState & { start: number; end: number } =>
  s.start !== null && s.end !== null && s.end - s.start >= MIN_STRETCH;

/** Marks A at `time`; an end that would no longer come after it is dropped. */
export function markStart(s: RepeatState, time: number): RepeatState {
  const start = Math.max(0, time);
  const end = s.end !== null && s.end - start >= MIN_STRETCH ? s.end : null;
  return { ...s, start, end, played: 0, active: end !== null && s.active };
}

/** Marks B at `time`; refused (null) when it does not come at least MIN_STRETCH after A. */
export function markEnd(s: RepeatState, time: number): RepeatState | null {
  const start = s.start ?? 0;
  if (time - start < MIN_STRETCH) return null;
  return { ...s, start, end: time, played: 0, active: true };
}

export function setTimes(s: RepeatState, times: number): RepeatState {
  const n = Math.round(Number.isFinite(times) ? times : 1);
  return { ...s, times: Math.min(MAX_TIMES, Math.max(1, n)) };
}

export function setActive(s: RepeatState, active: boolean): RepeatState {
  return { ...s, active: active && hasStretch(s), played: 0 };
}

export const clearRepeat = (s: RepeatState): RepeatState => initialRepeat(s.times);

/** What the player must do with its media element after a reading of its clock. */
export type RepeatCommand = { kind: 'none' } | { kind: 'seek'; to: number } | { kind: 'pause'; at: number };

export interface Step {
  state: RepeatState;
  command: RepeatCommand;
}

const none: RepeatCommand = { kind: 'none' };

/**
 * The clock moved from `previous` to `now` while playing (`ended` counts as reaching the end). Reaching B
 * finishes a pass: back to A while passes remain, else pause at B with every pass played.
 */
export function advance(s: RepeatState, previous: number, now: number): Step {
  if (!s.active || !hasStretch(s)) return { state: s, command: none };
  const reachedEnd = previous < s.end && now >= s.end && now - previous <= SEEK_JUMP;
  if (!reachedEnd) return { state: s, command: none };
  const played = s.played + 1;
  if (played < s.times) return { state: { ...s, played }, command: { kind: 'seek', to: s.start } };
  return { state: { ...s, played }, command: { kind: 'pause', at: s.end } };
}

/**
 * The learner presses play. With every pass played, the repetition starts over from A; starting outside
 * the stretch also begins at A, so the first pass is whole.
 */
export function onPlay(s: RepeatState, now: number): Step {
  if (!s.active || !hasStretch(s)) return { state: s, command: none };
  const finished = s.played >= s.times;
  const outside = now < s.start || now >= s.end;
  const state = finished ? { ...s, played: 0 } : s;
  return { state, command: finished || outside ? { kind: 'seek', to: s.start } : none };
}

export const finished = (s: RepeatState) => s.active && hasStretch(s) && s.played >= s.times;
