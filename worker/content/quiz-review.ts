import { sql, type SQL } from 'drizzle-orm';
import { quizAttempts, quizzes } from '../../db/schema';
import type { AuthUser } from '../env';
import { col, tableAs } from './attributes';

/** Network and clock slack before a submission after the deadline counts as late. */
export const LATE_GRACE_SECONDS = 10;

/** Attempts that are over: submitted, or timed out past the grace without being submitted. */
export const attemptIsOver = (alias: string): SQL =>
  sql`(${col(alias, quizAttempts.submittedAt)} IS NOT NULL OR ${col(alias, quizAttempts.deadlineAt)} + make_interval(secs => ${LATE_GRACE_SECONDS}) < now())`;

/**
 * Whether a learner's graded attempts at a quiz show the right answers now, by the quiz's
 * `showCorrectAnswers`: immediately; after passing (any attempt); after the last allowed attempt is over;
 * either of those (the default); or never. The one definition of the rule: the answer to a submission
 * and every read of stored attempts use it, so a quiz whose option a teacher changes shows (or hides)
 * answers at once.
 */
export function answersRevealed(quizId: SQL, learnerId: SQL): SQL {
  const option = col('rq', quizzes.showCorrectAnswers);
  const allowed = col('rq', quizzes.attemptsAllowed);
  return sql`(SELECT CASE ${option}
      WHEN 'immediately' THEN true
      WHEN 'never' THEN false
      WHEN 'after_passing' THEN so_far.passed
      WHEN 'after_last_attempt' THEN so_far.exhausted
      ELSE so_far.passed OR so_far.exhausted END
    FROM ${tableAs(quizzes, 'rq')} CROSS JOIN LATERAL (
      SELECT coalesce(bool_or(${col('ra', quizAttempts.passed)}), false) AS passed,
             ${allowed} IS NOT NULL AND count(*) FILTER (WHERE ${attemptIsOver('ra')}) >= ${allowed} AS exhausted
      FROM ${tableAs(quizAttempts, 'ra')}
      WHERE ${col('ra', quizAttempts.quizId)} = ${col('rq', quizzes.id)} AND ${col('ra', quizAttempts.userId)} = ${learnerId}) so_far
    WHERE ${col('rq', quizzes.id)} = ${quizId})`;
}

/** Feedback without the right answers and explanations: which questions were right, and the points. */
export const feedbackWithoutAnswers = (feedback: SQL): SQL =>
  sql`(SELECT jsonb_agg(item.value - 'correctAnswer' - 'explanation' ORDER BY item.position) FROM jsonb_array_elements(${feedback}) WITH ORDINALITY AS item(value, position))`;

/** A stored attempt's feedback as its reader may see it: staff always whole, learners and parents by the rule. */
export function feedbackFor(alias: string, user: AuthUser | null): SQL {
  const feedback = col(alias, quizAttempts.feedback);
  if (user?.role === 'teacher' || user?.role === 'admin') return feedback;
  return sql`CASE WHEN ${answersRevealed(col(alias, quizAttempts.quizId), col(alias, quizAttempts.userId))} THEN ${feedback} ELSE ${feedbackWithoutAnswers(feedback)} END`;
}
