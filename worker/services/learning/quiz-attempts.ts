import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { courses, lessons, quizAttempts, quizzes, userProgresses } from '../../../db/schema';
import type {
  AttemptQuestion,
  CorrectAnswer,
  GradedAttempt,
  LearningMeta,
  StartedAttempt,
} from '../../contract/learning';
import type { AuthUser } from '../../env';
import { quizQuestions, type QuizQuestion } from '../../contract/quiz-questions';
import { answersRevealed, LATE_GRACE_SECONDS } from '../../content/quiz-review';
import { badRequest, conflict, notFound } from '../../lib/errors';
import { nextAttempt, type AttemptLimits } from './attempt-rules';
import { gradeAttempt } from './grading';
import type { LearningLog } from './learning-log';
import { admitToLesson } from './admission';
import { findQuizToTake } from './quiz-context';
import { refreshEnrollment } from './enrollments';
import { inLearningTransaction, learningMeta } from './run-learning';
import type { LessonInfo } from './progress-intake';

type Layout = { questionId: string; optionOrder: number[] | null }[];

/** A quiz's lesson as grading names it: the lesson and its course. */
type LessonOfQuiz = Omit<LessonInfo, 'isLocked' | 'order'>;

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0]! % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The order of questions and options for one attempt: shuffled when the quiz asks for it, then fixed. */
export function layoutFor(questions: QuizQuestion[], randomize: boolean): Layout {
  const order = randomize ? shuffled(questions) : questions;
  return order.map((q) => {
    const count = 'options' in q ? q.options.length : 0;
    const identity = Array.from({ length: count }, (_, i) => i);
    return { questionId: q.id, optionOrder: count ? (randomize ? shuffled(identity) : identity) : null };
  });
}

/** Questions as the learner sees them in this attempt: laid out, and without answers or explanations. */
export function presentQuestions(questions: QuizQuestion[], layout: Layout): AttemptQuestion[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return layout.flatMap(({ questionId, optionOrder }) => {
    const q = byId.get(questionId);
    if (!q) return [];
    return [
      {
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        points: q.points ?? 1,
        ...(optionOrder && 'options' in q && { options: optionOrder.map((i) => q.options[i]!) }),
      },
    ];
  });
}

/** Answers arrive in the option positions the learner saw; grading wants the quiz's own indexes. */
export function toOriginalIndexes(question: QuizQuestion, optionOrder: number[] | null, answer: unknown): unknown {
  if (!optionOrder) return answer;
  const map = (i: unknown) => (Number.isInteger(i) ? optionOrder[i as number] : undefined);
  if (question.type === 'single_choice') return map(answer);
  if (question.type === 'multiple_choice' || question.type === 'ordering')
    return Array.isArray(answer) ? answer.map(map) : undefined;
  return answer;
}

export type QuizRow = {
  id: number;
  documentId: string;
  title: string;
  questions: unknown;
  timeLimit: number | null;
  passingScore: number;
  randomizeQuestions: boolean;
  lessonId: number | null;
  attemptsAllowed: AttemptLimits['attemptsAllowed'];
  attemptDelay: AttemptLimits['attemptDelay'];
  showCorrectAnswers: AttemptLimits['showCorrectAnswers'];
};

/** Whether the learner's graded attempts at the quiz show its right answers now (content/quiz-review.ts). */
export async function answersShown(tx: Database, quizId: number, userId: number): Promise<boolean> {
  const rows = await tx.execute<{ shown: boolean }>(
    sql`SELECT ${answersRevealed(sql`${quizId}`, sql`${userId}`)} AS shown`,
  );
  return rows.rows[0]?.shown ?? false;
}

/**
 * Starts an attempt (the clock for a timed quiz starts here, on the server), or resumes the one still
 * open. The quiz's limits apply (attempt-rules.ts): past the attempts allowed, within the wait, or once
 * its answers were shown, it is a 409 that says when (if ever) the next attempt opens. Learning
 * transactions of one learner run one at a time, so two starts cannot both take the last attempt.
 */
export async function startAttempt(
  tx: Database,
  user: AuthUser,
  quizDocumentId: string,
  log: LearningLog,
  now = new Date(),
): Promise<{ attempt: StartedAttempt; resumed: boolean }> {
  const { quiz, lesson, ...known } = await findQuizToTake(tx, user, quizDocumentId);
  const questions = quizQuestions.parse(quiz.questions);
  if (lesson) {
    const refusal = await admitToLesson(tx, user, lesson, known);
    if (refusal) throw conflict(refusal);
  }
  const earlier = await tx
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.quizId, quiz.id), eq(quizAttempts.userId, user.id)))
    .orderBy(quizAttempts.startedAt, quizAttempts.id);
  const next = nextAttempt(quiz, earlier, known.answersShown, now);
  if (next.kind === 'refused') {
    throw conflict(next.message, {
      attemptsUsed: next.attemptsUsed,
      attemptsAllowed: quiz.attemptsAllowed,
      nextAttemptAt: next.nextAttemptAt?.toISOString() ?? null,
    });
  }
  if (next.kind === 'resume') {
    return { attempt: presentAttempt(quiz, earlier[next.index]!, questions, next.number), resumed: true };
  }
  const layout = layoutFor(questions, quiz.randomizeQuestions);
  const deadlineAt = quiz.timeLimit ? new Date(now.getTime() + quiz.timeLimit * 1000) : null;
  const [attempt] = await tx
    .insert(quizAttempts)
    .values({ quizId: quiz.id, userId: user.id, startedAt: now, deadlineAt, layout })
    .returning();
  log.add({
    kind: 'quiz_attempted',
    quiz: { documentId: quiz.documentId, title: quiz.title },
    lesson: lesson && { documentId: lesson.documentId, title: lesson.title },
    attemptId: attempt!.documentId,
  });
  return { attempt: presentAttempt(quiz, attempt!, questions, next.number), resumed: false };
}

function presentAttempt(
  quiz: QuizRow,
  attempt: typeof quizAttempts.$inferSelect,
  questions: QuizQuestion[],
  number: number,
): StartedAttempt {
  return {
    id: attempt.id,
    documentId: attempt.documentId,
    quiz: {
      documentId: quiz.documentId,
      title: quiz.title,
      passingScore: quiz.passingScore,
      timeLimit: quiz.timeLimit,
      attemptsAllowed: quiz.attemptsAllowed,
      showCorrectAnswers: quiz.showCorrectAnswers,
    },
    number,
    startedAt: attempt.startedAt.toISOString(),
    deadlineAt: attempt.deadlineAt?.toISOString() ?? null,
    questions: presentQuestions(questions, attempt.layout),
  };
}

/**
 * Grades a submission. Only the first submission of an attempt counts (a second, or a racing
 * duplicate, is a 409). After the deadline plus grace the attempt is still graded but marked late: a
 * late attempt cannot pass and does not change the lesson's quiz score.
 */
export async function submitAttempt(
  tx: Database,
  user: AuthUser,
  attemptDocumentId: string,
  answers: Record<string, unknown>,
  log: LearningLog,
  now = new Date(),
): Promise<GradedAttempt> {
  const [claimed] = await tx
    .update(quizAttempts)
    .set({ submittedAt: now, updatedAt: now })
    .where(
      and(
        eq(quizAttempts.documentId, attemptDocumentId),
        eq(quizAttempts.userId, user.id),
        sql`${quizAttempts.submittedAt} IS NULL`,
      ),
    )
    .returning();
  if (!claimed) {
    const [exists] = await tx
      .select({ id: quizAttempts.id })
      .from(quizAttempts)
      .where(and(eq(quizAttempts.documentId, attemptDocumentId), eq(quizAttempts.userId, user.id)));
    if (!exists) throw notFound(`No attempt ${attemptDocumentId}`);
    throw conflict('This attempt was already submitted');
  }
  return gradeClaimed(tx, user, claimed, answers, log, now);
}

/**
 * Grades an attempt claimed for submission at `now` (on the server's clock, or the device's for an
 * attempt taken offline) and moves on everything an attempt moves: the lesson's progress and quiz score,
 * the enrollment, and (through the log) streaks, badges, certificates and xAPI statements.
 */
export async function gradeClaimed(
  tx: Database,
  user: AuthUser,
  claimed: typeof quizAttempts.$inferSelect,
  answers: Record<string, unknown>,
  log: LearningLog,
  now: Date,
): Promise<GradedAttempt> {
  // The quiz, its lesson and course, and whether the learner had completed that lesson: one round trip.
  const [context] = await tx
    .select({
      quiz: quizzes,
      lesson: {
        id: lessons.id,
        documentId: lessons.documentId,
        title: lessons.title,
        courseId: lessons.courseId,
        courseDocumentId: courses.documentId,
        courseTitle: courses.title,
      },
      completedBefore: userProgresses.completed,
    })
    .from(quizzes)
    .leftJoin(lessons, eq(lessons.id, quizzes.lessonId))
    .leftJoin(courses, eq(courses.id, lessons.courseId))
    .leftJoin(userProgresses, and(eq(userProgresses.lessonId, lessons.id), eq(userProgresses.userId, user.id)))
    .where(eq(quizzes.id, claimed.quizId));
  const { quiz } = context!;
  // Left joins make each field nullable; a lesson always has its course (a foreign key), so a lesson found
  // has them all.
  const lesson = (context!.lesson?.id == null ? null : context!.lesson) as LessonOfQuiz | null;
  const questions = quizQuestions.parse(quiz.questions);
  const layout = new Map(claimed.layout.map((l) => [l.questionId, l.optionOrder]));
  const unknown = Object.keys(answers).filter((id) => !layout.has(id));
  if (unknown.length)
    throw badRequest(`Unknown question ids: ${unknown.join(', ')}`, {
      errors: [{ path: ['data', 'answers'], message: 'unknown question id' }],
    });
  const asked = questions.filter((q) => layout.has(q.id));
  const original = Object.fromEntries(
    asked.map((q) => [q.id, toOriginalIndexes(q, layout.get(q.id) ?? null, answers[q.id])]),
  );
  const grade = gradeAttempt(asked, original);
  const late = claimed.deadlineAt !== null && now.getTime() > claimed.deadlineAt.getTime() + LATE_GRACE_SECONDS * 1000;
  const passed = !late && grade.scorePercent >= quiz.passingScore;
  const feedback = asked.map((q) => {
    const result = grade.questions.find((r) => r.questionId === q.id)!;
    return {
      ...result,
      correctAnswer: correctAnswerFor(q, layout.get(q.id) ?? null),
      explanation: q.explanation ?? null,
    };
  });
  await tx
    .update(quizAttempts)
    .set({ answers, score: grade.scorePercent, passed, late, feedback })
    .where(eq(quizAttempts.id, claimed.id));
  // Decided after this attempt is stored: passing it, or using the last attempt, may be what shows them.
  const shown = await answersShown(tx, quiz.id, user.id);

  const quizRef = { documentId: quiz.documentId, title: quiz.title };
  const lessonDoc = lesson && { documentId: lesson.documentId, title: lesson.title };
  for (const q of feedback) {
    const question = asked.find((a) => a.id === q.questionId)!;
    log.add({
      kind: 'question_answered',
      quiz: quizRef,
      attemptId: claimed.documentId,
      questionId: q.questionId,
      prompt: question.prompt,
      response: JSON.stringify(answers[q.questionId] ?? null),
      success: q.correct,
      scaled: q.points ? q.earned / q.points : 0,
    });
  }
  const durationSeconds = Math.round((now.getTime() - claimed.startedAt.getTime()) / 1000);
  log.add({
    kind: passed ? 'quiz_passed' : 'quiz_failed',
    quiz: quizRef,
    lesson: lessonDoc,
    attemptId: claimed.documentId,
    scorePercent: grade.scorePercent,
    durationSeconds,
    late,
  });

  let lessonCompleted = false;
  if (lesson && !late) {
    await tx
      .insert(userProgresses)
      .values({
        userId: user.id,
        lessonId: lesson.id,
        quizScore: grade.scorePercent,
        progress: passed ? 100 : 0,
        completed: passed,
        timeSpent: durationSeconds,
        lastAccessed: now,
      })
      .onConflictDoUpdate({
        target: [userProgresses.userId, userProgresses.lessonId],
        set: {
          quizScore: sql`GREATEST(coalesce(${userProgresses.quizScore}, 0), excluded.quiz_score)`,
          progress: sql`GREATEST(${userProgresses.progress}, excluded.progress)`,
          completed: sql`${userProgresses.completed} OR excluded.completed`,
          timeSpent: sql`${userProgresses.timeSpent} + excluded.time_spent`,
          lastAccessed: sql`GREATEST(${userProgresses.lastAccessed}, excluded.last_accessed)`,
          updatedAt: sql`now()`,
        },
      });
    lessonCompleted = passed && !context!.completedBefore;
    await refreshEnrollment(tx, user.id, lesson.courseId, log);
    if (lessonCompleted)
      log.add(
        {
          kind: 'lesson_completed',
          lesson: lessonDoc!,
          course: { documentId: lesson.courseDocumentId, title: lesson.courseTitle },
          durationSeconds,
        },
        now,
      );
  }
  const attempt: GradedAttempt = {
    documentId: claimed.documentId,
    score: grade.scorePercent,
    passed,
    late,
    passingScore: quiz.passingScore,
    submittedAt: now.toISOString(),
    earned: grade.earned,
    possible: grade.possible,
    answersShown: shown,
    feedback: shown ? feedback : feedback.map(({ correctAnswer: _answer, explanation: _explanation, ...rest }) => rest),
  };
  return attempt;
}

/** A learner starts a quiz: one learning transaction, recorded as an xAPI "attempted". */
export async function startQuizAttempt(db: Database, user: AuthUser, quizDocumentId: string, origin: string) {
  const { result } = await inLearningTransaction(db, user, origin, (tx, log) =>
    startAttempt(tx, user, quizDocumentId, log),
  );
  return result;
}

/** A learner submits an attempt: graded, the lesson and the course move on, badges and certificates follow. */
export async function submitQuizAttempt(
  db: Database,
  user: AuthUser,
  attemptDocumentId: string,
  answers: Record<string, unknown>,
  origin: string,
): Promise<{ attempt: GradedAttempt; meta: LearningMeta }> {
  const { result, log } = await inLearningTransaction(db, user, origin, (tx, log) =>
    submitAttempt(tx, user, attemptDocumentId, answers, log),
  );
  return { attempt: result, meta: learningMeta(log) };
}

/** The right answer in the terms the learner saw: option positions of this attempt, and their texts. */
export function correctAnswerFor(q: QuizQuestion, optionOrder: number[] | null): CorrectAnswer {
  const shown = (original: number) => (optionOrder ? optionOrder.indexOf(original) : original);
  switch (q.type) {
    case 'single_choice':
      return { index: shown(q.answer), text: q.options[q.answer] };
    case 'multiple_choice':
      return { indexes: q.answer.map(shown).sort((a, b) => a - b), texts: q.answer.map((i) => q.options[i]) };
    case 'ordering':
      return { indexes: q.answer.map(shown), texts: q.answer.map((i) => q.options[i]) };
    case 'true_false':
      return { value: q.answer };
    case 'short_answer':
      return { accepted: q.answer };
  }
}
