import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { AuthUser } from '../../env';
import { contentType } from '../../content/registry';
import { readScopes } from '../../content/readable';
import { answersRevealed } from '../../content/quiz-review';
import { allOf } from '../../lib/sql-predicates';
import { notFound } from '../../lib/errors';
import type { LessonPlace } from './admission';
import { lessonsStillLocking } from './lesson-locks';
import type { QuizRow } from './quiz-attempts';

/** A quiz as a learner is about to take it, and what admission needs to know about its lesson. */
export interface QuizToTake {
  quiz: QuizRow;
  /** The quiz's lesson and course, or null for a quiz on its own. */
  lesson: (LessonPlace & { documentId: string }) | null;
  /** Whether the learner has an enrollment (of any status) in the lesson's course. */
  enrolled: boolean;
  /** How many lessons before a locked lesson the learner has not completed (0 when it is open). */
  pendingBefore: number;
  /** Whether the learner's graded attempts show the quiz's right answers now (content/quiz-review.ts). */
  answersShown: boolean;
}

type Row = QuizRow & Omit<QuizToTake, 'quiz'>;

/**
 * One statement for what starting an attempt (online or sent from offline) reads before its rules run: the
 * quiz if the learner may read it, its lesson and course, the learner's enrollment, what still locks the
 * lesson, and whether its answers are shown. A 404 when there is no such quiz for this learner.
 */
export async function findQuizToTake(tx: Database, user: AuthUser, documentId: string): Promise<QuizToTake> {
  const type = contentType('quizzes');
  const where = allOf([sql`q.document_id = ${documentId}`, type.visibility('q', user, readScopes(type, user))]);
  const { rows } = await tx.execute<Row>(sql`
    SELECT q.id, q.document_id AS "documentId", q.title, q.questions, q.time_limit AS "timeLimit",
      q.passing_score AS "passingScore", q.randomize_questions AS "randomizeQuestions", q.lesson_id AS "lessonId",
      q.attempts_allowed AS "attemptsAllowed", q.attempt_delay AS "attemptDelay",
      q.show_correct_answers AS "showCorrectAnswers",
      CASE WHEN ql.id IS NULL THEN NULL ELSE json_build_object('id', ql.id, 'documentId', ql.document_id,
        'title', ql.title, 'courseId', ql.course_id, 'order', ql."order", 'isLocked', ql.is_locked,
        'courseDocumentId', qc.document_id, 'courseTitle', qc.title) END AS lesson,
      EXISTS (SELECT 1 FROM course_enrollments e WHERE e.user_id = ${user.id} AND e.course_id = ql.course_id)
        AS enrolled,
      CASE WHEN ql.is_locked
        THEN (SELECT count(*)::int FROM (${lessonsStillLocking(sql`ql.course_id`, sql`ql."order"`, user.id)}) locking)
        ELSE 0 END AS "pendingBefore",
      ${answersRevealed(sql`q.id`, sql`${user.id}`)} AS "answersShown"
    FROM quizzes q
    LEFT JOIN lessons ql ON ql.id = q.lesson_id
    LEFT JOIN courses qc ON qc.id = ql.course_id
    WHERE ${where}`);
  const row = rows[0];
  if (!row) throw notFound(`No quiz ${documentId}`);
  const { lesson, enrolled, pendingBefore, answersShown, ...quiz } = row;
  return { quiz, lesson, enrolled, pendingBefore, answersShown };
}
