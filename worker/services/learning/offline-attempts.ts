import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { quizAttempts } from '../../../db/schema';
import type { GradedAttempt, LearningMeta, QuestionFeedback } from '../../contract/learning';
import type { GradedOfflineAttempt, OfflineAttemptInput } from '../../contract/offline-attempts';
import { quizQuestions, type QuizQuestion } from '../../contract/quiz-questions';
import type { AuthUser } from '../../env';
import { badRequest, conflict } from '../../lib/errors';
import { admitToLesson } from './admission';
import { offlineAttemptAllowed } from './attempt-rules';
import type { LearningLog } from './learning-log';
import { answersShown, gradeClaimed } from './quiz-attempts';
import { findQuizToTake } from './quiz-context';
import { inLearningTransaction, learningMeta } from './run-learning';

type Layout = { questionId: string; optionOrder: number[] | null }[];
type Issue = { path: (string | number)[]; message: string };

const isPermutation = (list: readonly unknown[], size: number) =>
  list.length === size &&
  new Set(list).size === size &&
  list.every((i) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < size);

/**
 * What is wrong with an offline attempt's layout and answers, given the quiz's questions: every question
 * exactly once, each question's options in some order of all of them (none for questions without
 * options), and each answer of its question's shape in the positions shown. An unanswered question is
 * simply absent (or null).
 */
export function offlineAttemptIssues(questions: QuizQuestion[], layout: Layout, answers: Record<string, unknown>) {
  const issues: Issue[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  layout.forEach((item, i) => {
    const question = byId.get(item.questionId);
    if (!question)
      return issues.push({ path: ['data', 'layout', i, 'questionId'], message: 'not a question of this quiz' });
    if (seen.has(item.questionId))
      return issues.push({ path: ['data', 'layout', i, 'questionId'], message: 'question listed twice' });
    seen.add(item.questionId);
    const count = 'options' in question ? question.options.length : 0;
    if (count === 0 ? item.optionOrder !== null : !isPermutation(item.optionOrder ?? [], count))
      issues.push({
        path: ['data', 'layout', i, 'optionOrder'],
        message: count === 0 ? 'this question has no options' : `must order the ${count} options exactly once`,
      });
  });
  const missing = questions.filter((q) => !seen.has(q.id)).map((q) => q.id);
  if (missing.length) issues.push({ path: ['data', 'layout'], message: `questions missing: ${missing.join(', ')}` });
  for (const [id, answer] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question || !seen.has(id)) {
      issues.push({ path: ['data', 'answers', id], message: 'unknown question id' });
      continue;
    }
    if (answer === null) continue;
    const count = 'options' in question ? question.options.length : 0;
    const position = (i: unknown) => Number.isInteger(i) && (i as number) >= 0 && (i as number) < count;
    const fits = (() => {
      switch (question.type) {
        case 'single_choice':
          return position(answer);
        case 'multiple_choice':
          return Array.isArray(answer) && answer.every(position) && new Set(answer).size === answer.length;
        case 'ordering':
          return Array.isArray(answer) && isPermutation(answer, count);
        case 'true_false':
          return typeof answer === 'boolean';
        case 'short_answer':
          return typeof answer === 'string' && answer.length <= 500;
      }
    })();
    if (!fits)
      issues.push({
        path: ['data', 'answers', id],
        message: `not an answer to this ${question.type.replace('_', ' ')} question`,
      });
  }
  return issues;
}

/**
 * A device's clock may run ahead: a finish "in the future" moves both times back to now, keeping the
 * time the device measured.
 */
export function deviceTimes(startedAt: string, submittedAt: string, now: Date) {
  const start = new Date(startedAt);
  const end = new Date(submittedAt);
  const ahead = Math.max(0, end.getTime() - now.getTime());
  return { startedAt: new Date(start.getTime() - ahead), submittedAt: new Date(end.getTime() - ahead) };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A stored offline attempt as its sender is answered again on a resend. */
async function presentStored(
  tx: Database,
  user: AuthUser,
  row: typeof quizAttempts.$inferSelect,
  passingScore: number,
): Promise<GradedOfflineAttempt> {
  const feedback = (row.feedback ?? []) as QuestionFeedback[];
  const shown = await answersShown(tx, row.quizId, user.id);
  return {
    documentId: row.documentId,
    clientId: row.clientId!,
    offline: true,
    startedAt: row.startedAt.toISOString(),
    score: row.score ?? 0,
    passed: row.passed ?? false,
    late: row.late,
    passingScore,
    submittedAt: row.submittedAt!.toISOString(),
    earned: round2(feedback.reduce((sum, f) => sum + f.earned, 0)),
    possible: round2(feedback.reduce((sum, f) => sum + f.points, 0)),
    answersShown: shown,
    feedback: shown ? feedback : feedback.map(({ correctAnswer: _a, explanation: _e, ...rest }) => rest),
  };
}

/**
 * Records and grades an attempt taken offline, once: the same client id again answers the stored attempt
 * (`created: false`). It is checked like an online attempt (the quiz readable, the lesson open to the
 * learner, the attempts allowed, the wait), graded on the device's times (late past the time limit and
 * grace), and then counts like any other attempt.
 */
export async function recordOfflineAttempt(
  tx: Database,
  user: AuthUser,
  quizDocumentId: string,
  input: OfflineAttemptInput,
  log: LearningLog,
  now = new Date(),
): Promise<{ attempt: GradedOfflineAttempt; created: boolean }> {
  const { quiz, lesson, ...known } = await findQuizToTake(tx, user, quizDocumentId);
  const [earlier] = await tx
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, user.id), eq(quizAttempts.clientId, input.clientId)));
  if (earlier) {
    if (earlier.quizId !== quiz.id) throw conflict(`The attempt ${input.clientId} was sent for another quiz`);
    return { attempt: await presentStored(tx, user, earlier, quiz.passingScore), created: false };
  }
  const questions = quizQuestions.parse(quiz.questions);
  const issues = offlineAttemptIssues(questions, input.layout, input.answers);
  if (issues.length) throw badRequest(issues[0]!.message, { errors: issues });
  if (lesson) {
    const refusal = await admitToLesson(tx, user, lesson, known);
    if (refusal) throw conflict(refusal);
  }
  const { startedAt, submittedAt } = deviceTimes(input.startedAt, input.submittedAt, now);
  const stored = await tx
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.quizId, quiz.id), eq(quizAttempts.userId, user.id)))
    .orderBy(quizAttempts.startedAt, quizAttempts.id);
  const allowed = offlineAttemptAllowed(quiz, stored, startedAt);
  if (allowed.kind === 'refused')
    throw conflict(allowed.message, {
      attemptsUsed: allowed.attemptsUsed,
      attemptsAllowed: quiz.attemptsAllowed,
      nextAttemptAt: allowed.nextAttemptAt?.toISOString() ?? null,
    });
  const deadlineAt = quiz.timeLimit ? new Date(startedAt.getTime() + quiz.timeLimit * 1000) : null;
  const [claimed] = await tx
    .insert(quizAttempts)
    .values({
      quizId: quiz.id,
      userId: user.id,
      startedAt,
      deadlineAt,
      submittedAt,
      layout: input.layout,
      offline: true,
      clientId: input.clientId,
    })
    .returning();
  log.add({
    kind: 'quiz_attempted',
    quiz: { documentId: quiz.documentId, title: quiz.title },
    lesson: lesson && { documentId: lesson.documentId, title: lesson.title },
    attemptId: claimed!.documentId,
  });
  const graded: GradedAttempt = await gradeClaimed(tx, user, claimed!, input.answers, log, submittedAt);
  return {
    attempt: { ...graded, clientId: input.clientId, offline: true, startedAt: startedAt.toISOString() },
    created: true,
  };
}

/** A learner's device sends an attempt taken offline: one learning transaction, graded once. */
export async function submitOfflineAttempt(
  db: Database,
  user: AuthUser,
  quizDocumentId: string,
  input: OfflineAttemptInput,
  origin: string,
): Promise<{ attempt: GradedOfflineAttempt; created: boolean; meta: LearningMeta }> {
  const { result, log } = await inLearningTransaction(db, user, origin, (tx, log) =>
    recordOfflineAttempt(tx, user, quizDocumentId, input, log),
  );
  return { ...result, meta: learningMeta(log) };
}
