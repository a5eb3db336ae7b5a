import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { AttemptPolicy, QuizPerformanceRow, ReportAnswer } from '../../contract/analytics';
import { timestamptz } from './activity';
import { countedAttempts } from './attempt-policy';
import { inScope, type CourseScope } from './course-scope';
import { column, COURSE_COLUMNS, reportMeta, toNumber } from './report-meta';
import type { ReportPeriod } from './report-period';

type Row = {
  quiz_document_id: string;
  quiz_title: string;
  lesson_document_id: string | null;
  lesson_title: string | null;
  course_document_id: string | null;
  course_title: string | null;
  graded_attempts: number;
  learners: number;
  average_score: string | null;
  median_score: number | null;
  pass_rate: string | null;
  average_duration: string | null;
};

const COLUMNS = [
  column('quiz.title', 'Quiz', 'text'),
  column('quiz.documentId', 'Quiz id', 'text'),
  column('lesson.title', 'Lesson', 'text'),
  ...COURSE_COLUMNS,
  column('gradedAttempts', 'Graded attempts', 'count'),
  column('learners', 'Learners', 'count'),
  column('averageScore', 'Average score', 'percent'),
  column('medianScore', 'Median score', 'percent'),
  column('passRate', 'Pass rate', 'percent'),
  column('averageDuration', 'Average duration', 'seconds'),
];

/**
 * Each quiz's results over the counted attempts (the policy picks one per learner, or all), for quizzes
 * with a graded attempt in the window. Quizzes belong to a course through their lesson; an admin's
 * school-wide view also lists quizzes without a lesson. One statement.
 */
export async function quizPerformance(
  db: Database,
  scope: CourseScope,
  period: ReportPeriod | null,
  policy: AttemptPolicy,
): Promise<ReportAnswer<QuizPerformanceRow, { attemptsCounted: AttemptPolicy }>> {
  const window = period
    ? sql`AND qa.submitted_at >= ${timestamptz(period.start)} AND qa.submitted_at < ${timestamptz(period.end)}`
    : sql``;
  // Scoped, the quizzes are listed first as an array: the attempts are then read through the quiz_id
  // index, where a join made the planner scan every attempt (wide rows: answers, layout, feedback).
  const quizFilter = scope.courseIds === null ? sql`` : sql`AND qa.quiz_id = ANY(ARRAY(SELECT id FROM quiz_scope))`;
  const result = await db.execute<Row>(sql`
    WITH quiz_scope AS (
      SELECT q.id, q.document_id, q.title, l.document_id AS lesson_document_id, l.title AS lesson_title, l."order",
             c.document_id AS course_document_id, c.title AS course_title
      FROM quizzes q LEFT JOIN lessons l ON l.id = q.lesson_id LEFT JOIN courses c ON c.id = l.course_id
      WHERE ${inScope(sql`c.id`, scope)}
    ),
    graded AS (
      SELECT qa.id, qa.quiz_id, qa.user_id, qa.score, qa.passed, qa.started_at, qa.submitted_at
      FROM quiz_attempts qa
      WHERE qa.score IS NOT NULL ${window} ${quizFilter}
    ),
    counted AS (${countedAttempts(sql`graded`, policy)}),
    stats AS (
      SELECT quiz_id, count(DISTINCT user_id)::int AS learners,
             round(avg(score), 1) AS average_score,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY score) AS median_score,
             round(100.0 * avg(passed::int), 1) AS pass_rate,
             round(avg(extract(epoch FROM submitted_at - started_at)), 0) AS average_duration
      FROM counted GROUP BY quiz_id
    ),
    totals AS (SELECT quiz_id, count(*)::int AS graded_attempts FROM graded GROUP BY quiz_id)
    SELECT qs.document_id AS quiz_document_id, qs.title AS quiz_title, qs.lesson_document_id, qs.lesson_title,
           qs.course_document_id, qs.course_title, t.graded_attempts, s.learners, s.average_score, s.median_score,
           s.pass_rate, s.average_duration
    FROM quiz_scope qs JOIN totals t ON t.quiz_id = qs.id JOIN stats s ON s.quiz_id = qs.id
    ORDER BY qs.course_title, qs."order", qs.title, qs.id`);

  return {
    data: result.rows.map((r) => ({
      quiz: { documentId: r.quiz_document_id, title: r.quiz_title },
      lesson: r.lesson_document_id ? { documentId: r.lesson_document_id, title: r.lesson_title! } : null,
      course: r.course_document_id ? { documentId: r.course_document_id, title: r.course_title! } : null,
      gradedAttempts: r.graded_attempts,
      learners: r.learners,
      averageScore: toNumber(r.average_score),
      medianScore: r.median_score,
      passRate: toNumber(r.pass_rate),
      averageDuration: toNumber(r.average_duration),
    })),
    meta: { ...reportMeta(COLUMNS, scope, period), attemptsCounted: policy },
  };
}
