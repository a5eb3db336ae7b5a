import { describe, expect, it } from 'vitest';
import type { ProgressOutboxItem as OutboxItem } from './database';
import { mergeProgress, nextBatch, sentToForget, verdictFor } from './outbox-rules';

const item = (seq: number, over: Partial<OutboxItem> = {}): OutboxItem => ({
  seq,
  id: `e${seq}`,
  kind: 'progress',
  payload: { eventId: `e${seq}`, lesson: 'l1' },
  title: 'Lesson',
  state: 'pending',
  createdAt: '2026-11-20T10:00:00.000Z',
  ...over,
});

describe('mergeProgress (the server’s merge, on the phone)', () => {
  it('takes the highest progress, keeps completed, adds time, keeps the latest access', () => {
    const first = mergeProgress(
      undefined,
      { eventId: 'a', lesson: 'l1', progress: 60, timeSpent: 30 },
      'c1',
      '2026-11-20T10:00:00Z',
    );
    const second = mergeProgress(
      first,
      { eventId: 'b', lesson: 'l1', completed: true, timeSpent: 20 },
      'c1',
      '2026-11-20T11:00:00Z',
    );
    const late = mergeProgress(
      second,
      { eventId: 'c', lesson: 'l1', progress: 10, timeSpent: 5 },
      'c1',
      '2026-11-19T09:00:00Z',
    );
    expect(late).toEqual({
      lesson: 'l1',
      course: 'c1',
      progress: 100,
      completed: true,
      timeSpent: 55,
      lastAccessed: '2026-11-20T11:00:00Z',
    });
  });
});

describe('nextBatch', () => {
  it('takes pending items in order, up to the limit', () => {
    const items = [item(1), item(2), item(3)];
    expect(nextBatch(items, 2).map((i) => i.seq)).toEqual([1, 2]);
    expect(nextBatch([], 10)).toEqual([]);
  });

  it('stops at the first item of another kind, so kinds never overtake each other', () => {
    const other = item(2, { kind: 'quiz' as OutboxItem['kind'] });
    expect(nextBatch([item(1), other, item(3)], 10).map((i) => i.seq)).toEqual([1]);
  });
});

describe('verdictFor', () => {
  it('counts applied and duplicate as sent: a duplicate is an earlier send whose answer was lost', () => {
    const progress = {
      documentId: 'p',
      lesson: 'l1',
      progress: 100,
      completed: true,
      quizScore: null,
      timeSpent: 1,
      lastAccessed: '',
    };
    expect(verdictFor({ eventId: 'e', status: 'applied', progress })).toEqual({ state: 'sent' });
    expect(verdictFor({ eventId: 'e', status: 'duplicate', progress })).toEqual({ state: 'sent' });
  });

  it('keeps the refusal and its reason; keeps an unanswered item pending', () => {
    const error = {
      status: 409,
      name: 'ConflictError',
      message: '“Wudu” is locked until the lessons before it are completed',
    } as const;
    expect(verdictFor({ eventId: 'e', status: 'rejected', error })).toEqual({ state: 'refused', refusal: error });
    expect(verdictFor(undefined)).toEqual({ state: 'pending' });
  });
});

describe('sentToForget', () => {
  it('forgets sent items after a week, and beyond the newest hundred', () => {
    const now = Date.parse('2026-11-30T00:00:00Z');
    const old = item(1, { state: 'sent', sentAt: '2026-11-20T00:00:00Z' });
    const recent = item(2, { state: 'sent', sentAt: '2026-11-29T00:00:00Z' });
    expect(sentToForget([old, recent], now)).toEqual([1]);
    const many = Array.from({ length: 105 }, (_, i) => item(i + 1, { state: 'sent', sentAt: '2026-11-29T00:00:00Z' }));
    expect(sentToForget(many, now).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
  });
});
