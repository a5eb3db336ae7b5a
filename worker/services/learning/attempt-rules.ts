import { LATE_GRACE_SECONDS } from '../../content/quiz-review';

/** A quiz's limits on attempts (columns of quizzes). */
export interface AttemptLimits {
  attemptsAllowed: number | null;
  /** Seconds between the end of one attempt and the start of the next. */
  attemptDelay: number | null;
  showCorrectAnswers:
    'immediately' | 'after_passing' | 'after_last_attempt' | 'after_passing_or_last_attempt' | 'never';
}

/** An attempt the learner already made, wherever it was taken. */
export interface EarlierAttempt {
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
}

export type NextAttempt =
  | { kind: 'start'; number: number }
  | { kind: 'resume'; index: number; number: number }
  | { kind: 'refused'; message: string; nextAttemptAt: Date | null; attemptsUsed: number };

/** When an attempt ended: submitted, else its deadline and grace, else (untimed, never submitted) never. */
export function attemptEnd(attempt: EarlierAttempt): Date | null {
  if (attempt.submittedAt) return attempt.submittedAt;
  if (attempt.deadlineAt) return new Date(attempt.deadlineAt.getTime() + LATE_GRACE_SECONDS * 1000);
  return null;
}

const isOpen = (attempt: EarlierAttempt, at: Date) => {
  const end = attemptEnd(attempt);
  return end === null || (attempt.submittedAt === null && end > at);
};

/**
 * Whether a learner may start an attempt at `at`, given the attempts they made before (oldest first) and
 * whether the quiz already shows them its answers (content/quiz-review.ts). An attempt still open is
 * resumed rather than doubled; every attempt started counts, submitted or not; the wait runs from the end
 * of the latest one. The rule reads only the attempts and their times, so an attempt made offline and
 * sent later is judged the same way, at the time it was started on the device, against the attempts
 * started before it.
 */
export function nextAttempt(
  limits: AttemptLimits,
  earlier: readonly EarlierAttempt[],
  answersShown: boolean,
  at: Date,
): NextAttempt {
  const open = earlier.findIndex((attempt) => isOpen(attempt, at));
  if (open >= 0) return { kind: 'resume', index: open, number: open + 1 };
  const used = earlier.length;
  if (limits.attemptsAllowed !== null && used >= limits.attemptsAllowed) {
    const noun = limits.attemptsAllowed === 1 ? 'attempt' : 'attempts';
    return {
      kind: 'refused',
      message: `You have used all ${limits.attemptsAllowed} ${noun} allowed for this quiz`,
      nextAttemptAt: null,
      attemptsUsed: used,
    };
  }
  if (answersShown && limits.showCorrectAnswers !== 'immediately') {
    return {
      kind: 'refused',
      message: 'You have already seen the answers of this quiz, so it cannot be taken again',
      nextAttemptAt: null,
      attemptsUsed: used,
    };
  }
  const latest = earlier.at(-1);
  const latestEnd = latest ? attemptEnd(latest) : null;
  if (limits.attemptDelay !== null && latestEnd) {
    const opensAt = new Date(latestEnd.getTime() + limits.attemptDelay * 1000);
    if (opensAt > at)
      return {
        kind: 'refused',
        message: `Your next attempt at this quiz opens at ${opensAt.toISOString()}`,
        nextAttemptAt: opensAt,
        attemptsUsed: used,
      };
  }
  return { kind: 'start', number: used + 1 };
}

/** An attempt already stored, as the rule for an offline attempt reads it. */
export interface StoredAttempt extends EarlierAttempt {
  passed: boolean | null;
}

/**
 * Whether an attempt taken offline, started on the device at `at`, counts. It is an attempt like any
 * other: every attempt stored (before or after it) uses one of those allowed, so the quiz never holds more
 * than it allows; the wait and the "answers already shown" rule are judged at `at`, against the attempts
 * that had ended by then. An online attempt still open at `at` does not stop it (the device could not know).
 */
export function offlineAttemptAllowed(
  limits: AttemptLimits,
  stored: readonly StoredAttempt[],
  at: Date,
): { kind: 'start'; number: number } | Extract<NextAttempt, { kind: 'refused' }> {
  const used = stored.length;
  if (limits.attemptsAllowed !== null && used >= limits.attemptsAllowed) {
    const noun = limits.attemptsAllowed === 1 ? 'attempt' : 'attempts';
    return {
      kind: 'refused',
      message: `You have used all ${limits.attemptsAllowed} ${noun} allowed for this quiz`,
      nextAttemptAt: null,
      attemptsUsed: used,
    };
  }
  const endedBefore = stored.filter((attempt) => {
    const end = attemptEnd(attempt);
    return end !== null && end <= at;
  });
  const passedBefore = endedBefore.some((attempt) => attempt.passed === true);
  const shownBefore =
    limits.showCorrectAnswers === 'after_passing' || limits.showCorrectAnswers === 'after_passing_or_last_attempt'
      ? passedBefore
      : false;
  if (shownBefore) {
    return {
      kind: 'refused',
      message: 'You had already seen the answers of this quiz, so it could not be taken again',
      nextAttemptAt: null,
      attemptsUsed: used,
    };
  }
  const latestEnd = endedBefore.map((a) => attemptEnd(a)!.getTime()).reduce((a, b) => Math.max(a, b), -Infinity);
  if (limits.attemptDelay !== null && Number.isFinite(latestEnd)) {
    const opensAt = new Date(latestEnd + limits.attemptDelay * 1000);
    if (opensAt > at)
      return {
        kind: 'refused',
        message: `This attempt was started before the next attempt opened at ${opensAt.toISOString()}`,
        nextAttemptAt: opensAt,
        attemptsUsed: used,
      };
  }
  return { kind: 'start', number: stored.filter((a) => a.startedAt <= at).length + 1 };
}
