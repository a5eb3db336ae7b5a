import { describe, expect, it } from 'vitest';
import {
  completesLesson,
  foldEvents,
  lockedLessonOpens,
  mergeEvent,
  type LessonRecord,
  type MergedEvent,
} from './progress-merge';

const at = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`);
const event = (day: number, fields: Partial<MergedEvent> = {}): MergedEvent => ({
  progress: 0,
  completed: false,
  timeSpent: 0,
  at: at(day),
  ...fields,
});
const stored: LessonRecord = { progress: 40, completed: false, quizScore: 80, timeSpent: 100, lastAccessed: at(15) };

describe('merging progress events into a lesson record', () => {
  it('a first event makes the record; a completion counts as full progress', () => {
    expect(mergeEvent(undefined, event(18, { progress: 30, completed: true, timeSpent: 12 }))).toEqual({
      progress: 100,
      completed: true,
      quizScore: null,
      timeSpent: 12,
      lastAccessed: at(18),
    });
  });

  it('progress takes the maximum, completion is sticky, time adds up, last access is the latest', () => {
    const after = mergeEvent({ ...stored, completed: true }, event(12, { progress: 10, timeSpent: 5 }));
    expect(after).toEqual({ progress: 40, completed: true, quizScore: 80, timeSpent: 105, lastAccessed: at(15) });
  });

  it('folding a lesson’s events then merging the fold once equals merging them one by one', () => {
    const events = [
      event(20, { progress: 100, completed: true, timeSpent: 30 }),
      event(18, { progress: 20, timeSpent: 10 }),
      event(22, { progress: 60, timeSpent: 5 }),
    ];
    const oneByOne = events.reduce<LessonRecord>(mergeEvent, stored);
    const fold = foldEvents(events)!;
    const once = mergeEvent(stored, { ...fold, at: fold.lastAccessed });
    expect(once).toEqual(oneByOne);
    expect(oneByOne).toEqual({ progress: 100, completed: true, quizScore: 80, timeSpent: 145, lastAccessed: at(22) });
  });

  it('no events fold to nothing to write', () => {
    expect(foldEvents([])).toBeUndefined();
  });

  it('only the first completion of a lesson completes it', () => {
    expect(completesLesson(undefined, event(1, { completed: true }))).toBe(true);
    expect(completesLesson(stored, event(1, { completed: true }))).toBe(true);
    expect(completesLesson({ ...stored, completed: true }, event(1, { completed: true }))).toBe(false);
    expect(completesLesson(stored, event(1, { progress: 100 }))).toBe(false);
  });

  it('a locked lesson opens when every lesson pending before it was completed earlier in the batch', () => {
    expect(lockedLessonOpens([], new Set())).toBe(true);
    expect(lockedLessonOpens([3, 4], new Set([3]))).toBe(false);
    expect(lockedLessonOpens([3, 4], new Set([4, 3, 9]))).toBe(true);
  });
});
