import { describe, expect, it } from 'vitest';
import { nextAttempt, type AttemptLimits, type EarlierAttempt } from './attempt-rules';

const at = new Date('2026-11-25T10:00:00Z');
const minutesAgo = (m: number) => new Date(at.getTime() - m * 60_000);
const unlimited: AttemptLimits = {
  attemptsAllowed: null,
  attemptDelay: null,
  showCorrectAnswers: 'after_passing_or_last_attempt',
};
const submitted = (minutes: number): EarlierAttempt => ({
  startedAt: minutesAgo(minutes + 5),
  deadlineAt: null,
  submittedAt: minutesAgo(minutes),
});

describe('the next attempt at a quiz', () => {
  it('the first attempt starts as number 1', () => {
    expect(nextAttempt(unlimited, [], false, at)).toEqual({ kind: 'start', number: 1 });
  });

  it('an open attempt is resumed instead of starting another', () => {
    const open = { startedAt: minutesAgo(3), deadlineAt: null, submittedAt: null };
    expect(nextAttempt(unlimited, [submitted(60), open], false, at)).toEqual({ kind: 'resume', index: 1, number: 2 });
    const timed = { startedAt: minutesAgo(3), deadlineAt: new Date(at.getTime() + 60_000), submittedAt: null };
    expect(nextAttempt(unlimited, [timed], false, at)).toMatchObject({ kind: 'resume' });
  });

  it('a timed attempt left unsubmitted past its deadline is over and counts', () => {
    const abandoned = { startedAt: minutesAgo(30), deadlineAt: minutesAgo(20), submittedAt: null };
    const limits = { ...unlimited, attemptsAllowed: 1 };
    expect(nextAttempt(limits, [abandoned], false, at)).toMatchObject({ kind: 'refused', attemptsUsed: 1 });
    expect(nextAttempt(unlimited, [abandoned], false, at)).toEqual({ kind: 'start', number: 2 });
  });

  it('past the attempts allowed, a refusal that says so and names no next time', () => {
    const limits = { ...unlimited, attemptsAllowed: 2 };
    expect(nextAttempt(limits, [submitted(30)], false, at)).toEqual({ kind: 'start', number: 2 });
    expect(nextAttempt(limits, [submitted(30), submitted(10)], false, at)).toEqual({
      kind: 'refused',
      message: 'You have used all 2 attempts allowed for this quiz',
      nextAttemptAt: null,
      attemptsUsed: 2,
    });
  });

  it('within the wait, a refusal with the moment the next attempt opens', () => {
    const limits = { ...unlimited, attemptDelay: 3600 };
    const refused = nextAttempt(limits, [submitted(10)], false, at);
    expect(refused).toMatchObject({ kind: 'refused', nextAttemptAt: new Date('2026-11-25T10:50:00Z') });
    expect(refused.kind === 'refused' && refused.message).toBe(
      'Your next attempt at this quiz opens at 2026-11-25T10:50:00.000Z',
    );
    expect(nextAttempt(limits, [submitted(61)], false, at)).toEqual({ kind: 'start', number: 2 });
  });

  it('once the answers are shown the quiz is closed to the learner, unless it shows them after every attempt', () => {
    expect(nextAttempt(unlimited, [submitted(10)], true, at)).toMatchObject({ kind: 'refused', nextAttemptAt: null });
    const practice = { ...unlimited, showCorrectAnswers: 'immediately' as const };
    expect(nextAttempt(practice, [submitted(10)], true, at)).toEqual({ kind: 'start', number: 2 });
  });

  it('an attempt made offline is judged at its own start against the attempts before it', () => {
    const limits = { ...unlimited, attemptsAllowed: 2, attemptDelay: 600 };
    const earlier = [submitted(120)];
    expect(nextAttempt(limits, earlier, false, minutesAgo(60))).toEqual({ kind: 'start', number: 2 });
    expect(nextAttempt(limits, earlier, false, minutesAgo(115))).toMatchObject({ kind: 'refused' });
  });
});
