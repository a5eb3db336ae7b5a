import { describe, expect, it } from 'vitest';
import { quizQuestions } from '../../contract/quiz-questions';
import { offlineAttemptAllowed, type AttemptLimits, type StoredAttempt } from './attempt-rules';
import { deviceTimes, offlineAttemptIssues } from './offline-attempts';

const at = new Date('2026-11-25T10:00:00Z');
const minutes = (m: number) => new Date(at.getTime() + m * 60_000);
const limits: AttemptLimits = { attemptsAllowed: null, attemptDelay: null, showCorrectAnswers: 'after_passing' };
const attempt = (start: number, end: number | null, passed: boolean | null = false): StoredAttempt => ({
  startedAt: minutes(start),
  deadlineAt: null,
  submittedAt: end === null ? null : minutes(end),
  passed,
});

describe('whether an attempt taken offline counts', () => {
  it('the first one starts as number 1; its number counts the attempts started before it', () => {
    expect(offlineAttemptAllowed(limits, [], at)).toEqual({ kind: 'start', number: 1 });
    expect(offlineAttemptAllowed(limits, [attempt(-30, -20), attempt(10, 20)], at)).toEqual({
      kind: 'start',
      number: 2,
    });
  });

  it('every stored attempt, before or after it, uses one of those allowed', () => {
    const two = { ...limits, attemptsAllowed: 2 };
    expect(offlineAttemptAllowed(two, [attempt(-30, -20)], at).kind).toBe('start');
    expect(offlineAttemptAllowed(two, [attempt(-30, -20), attempt(30, 40)], at)).toMatchObject({
      kind: 'refused',
      attemptsUsed: 2,
      nextAttemptAt: null,
    });
  });

  it('an online attempt still open when it started does not stop it', () => {
    expect(offlineAttemptAllowed(limits, [attempt(-5, null)], at)).toEqual({ kind: 'start', number: 2 });
  });

  it('the wait runs from the latest attempt that had ended when it started', () => {
    const hour = { ...limits, attemptDelay: 3600 };
    expect(offlineAttemptAllowed(hour, [attempt(-30, -20)], at)).toMatchObject({
      kind: 'refused',
      nextAttemptAt: minutes(40),
    });
    expect(offlineAttemptAllowed(hour, [attempt(-90, -70)], at).kind).toBe('start');
    // A later attempt does not make an earlier one wait.
    expect(offlineAttemptAllowed(hour, [attempt(5, 10)], at).kind).toBe('start');
  });

  it('once a passed attempt showed the answers, a later one is refused, unless the quiz shows them always', () => {
    expect(offlineAttemptAllowed(limits, [attempt(-30, -20, true)], at).kind).toBe('refused');
    expect(offlineAttemptAllowed(limits, [attempt(30, 40, true)], at).kind).toBe('start');
    expect(
      offlineAttemptAllowed({ ...limits, showCorrectAnswers: 'immediately' }, [attempt(-30, -20, true)], at).kind,
    ).toBe('start');
  });
});

const questions = quizQuestions.parse([
  { id: 'a', type: 'single_choice', prompt: 'A', options: ['x', 'y'], answer: 0 },
  { id: 'b', type: 'true_false', prompt: 'B', answer: true },
  { id: 'c', type: 'ordering', prompt: 'C', options: ['x', 'y', 'z'], answer: [2, 1, 0] },
]);
const layout = [
  { questionId: 'c', optionOrder: [1, 2, 0] },
  { questionId: 'a', optionOrder: [1, 0] },
  { questionId: 'b', optionOrder: null },
];

describe('an offline attempt’s layout and answers', () => {
  it('every question once, options in an order of all of them, answers of their question’s shape', () => {
    expect(offlineAttemptIssues(questions, layout, { a: 1, b: false, c: [0, 2, 1] })).toEqual([]);
    expect(offlineAttemptIssues(questions, layout, {})).toEqual([]);
  });

  it('names what is wrong', () => {
    const messages = (l: typeof layout, answers: Record<string, unknown> = {}) =>
      offlineAttemptIssues(questions, l, answers).map((i) => i.message);
    expect(messages(layout.slice(0, 2))).toEqual(['questions missing: b']);
    expect(messages([...layout, layout[0]!])).toEqual(['question listed twice']);
    expect(messages([{ questionId: 'c', optionOrder: [0, 1] }, ...layout.slice(1)])).toEqual([
      'must order the 3 options exactly once',
    ]);
    expect(messages(layout, { a: 2 })).toEqual(['not an answer to this single choice question']);
    expect(messages(layout, { c: [0, 0, 1] })).toEqual(['not an answer to this ordering question']);
    expect(messages(layout, { z: 1 })).toEqual(['unknown question id']);
  });
});

describe('the device’s times', () => {
  it('are kept when the clock is behind, and moved back to now when ahead, keeping the duration', () => {
    expect(deviceTimes('2026-11-25T09:00:00Z', '2026-11-25T09:05:00Z', at)).toEqual({
      startedAt: new Date('2026-11-25T09:00:00Z'),
      submittedAt: new Date('2026-11-25T09:05:00Z'),
    });
    expect(deviceTimes('2026-11-25T11:00:00Z', '2026-11-25T11:05:00Z', at)).toEqual({
      startedAt: new Date('2026-11-25T09:55:00Z'),
      submittedAt: at,
    });
  });
});
