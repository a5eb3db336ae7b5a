import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { AttemptPolicy, ItemAnalysisMeta, ItemAnalysisRow, ReportAnswer } from '../../contract/analytics';
import { quizQuestions } from '../../contract/quiz-questions';
import type { AuthUser } from '../../env';
import { notFound } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';
import { timestamptz } from './activity';
import { countedAttempts } from './attempt-policy';
import { itemRow, type QuestionCounts } from './item-analysis-rules';
import { column, reportMeta } from './report-meta';
import type { ReportPeriod } from './report-period';

type QuizRow = {
  id: number;
  document_id: string;
  title: string;
  passing_score: number;
  questions: unknown;
  course_document_id: string | null;
  course_title: string | null;
};

type CountRow = {
  question_id: string;
  attempts: number;
  correct: number;
  average_fraction: number | null;
  top_attempts: number;
  top_correct: number;
  bottom_attempts: number;
  bottom_correct: number;
  unanswered: number;
  counted_attempts: number;
  choices: { choice: unknown; count: number }[] | null;
};

const COLUMNS = [
  column('question.position', 'Question', 'count'),
  column('question.prompt', 'Prompt', 'text'),
  column('question.type', 'Type', 'text'),
  column('attempts', 'Attempts', 'count'),
  column('facility', 'Facility (fully right)', 'percent'),
  column('averageScore', 'Average score', 'percent'),
  column('discrimination', 'Discrimination index', 'index'),
  column('mostChosenWrong.answer', 'Most chosen wrong answer', 'text'),
  column('mostChosenWrong.share', 'Chosen by', 'percent'),
  column('unanswered', 'Unanswered', 'count'),
];

/** A quiz the caller may analyse: an admin any; a teacher one in a course they own. */
async function findQuiz(db: Database, viewer: AuthUser, scopes: readonly Scope[], documentId: string) {
  const owned = scopes.includes('all') ? sql`true` : sql`c.created_by_id = ${viewer.id}`;
  const result = await db.execute<QuizRow>(sql`
    SELECT q.id, q.document_id, q.title, q.passing_score, q.questions, c.document_id AS course_document_id, c.title AS course_title
    FROM quizzes q LEFT JOIN lessons l ON l.id = q.lesson_id LEFT JOIN courses c ON c.id = l.course_id
    WHERE q.document_id = ${documentId} AND ${owned}`);
  const quiz = result.rows[0];
  if (!quiz) throw notFound(`No quiz ${documentId}`);
  return quiz;
}

/**
 * Classical item analysis of a quiz, per question, over the counted attempts (one per learner by the
 * policy, or all): facility, discrimination (top third vs bottom third by total score) and the most
 * chosen wrong answer. Attempts store answers in the option positions the learner saw; the attempt's
 * layout maps them back to the quiz's own options in SQL. Two statements: the quiz, then the counts.
 */
export async function itemAnalysis(
  db: Database,
  viewer: AuthUser,
  scopes: readonly Scope[],
  quizDocumentId: string,
  period: ReportPeriod | null,
  policy: AttemptPolicy,
): Promise<ReportAnswer<ItemAnalysisRow, ItemAnalysisMeta>> {
  const quiz = await findQuiz(db, viewer, scopes, quizDocumentId);
  const window = period
    ? sql`AND qa.submitted_at >= ${timestamptz(period.start)} AND qa.submitted_at < ${timestamptz(period.end)}`
    : sql``;
  const result = await db.execute<CountRow>(sql`
    WITH graded AS (
      SELECT qa.id, qa.quiz_id, qa.user_id, qa.score, qa.submitted_at, qa.answers, qa.layout, qa.feedback
      FROM quiz_attempts qa
      WHERE qa.quiz_id = ${quiz.id} AND qa.score IS NOT NULL AND jsonb_typeof(qa.feedback) = 'array' ${window}
    ),
    counted AS (${countedAttempts(sql`graded`, policy)}),
    ranked AS (
      SELECT c.*, count(*) OVER () AS n, row_number() OVER (ORDER BY c.score DESC, c.submitted_at, c.id) AS position,
             -- The option orders of the attempt by question id, built once per attempt.
             (SELECT jsonb_object_agg(l.value ->> 'questionId', l.value -> 'optionOrder')
              FROM jsonb_array_elements(c.layout) l) AS option_orders
      FROM counted c
    ),
    items AS (
      SELECT r.id AS attempt_id, f.value ->> 'questionId' AS question_id,
             coalesce((f.value ->> 'correct')::boolean, false) AS correct,
             (f.value ->> 'earned')::float8 / nullif((f.value ->> 'points')::float8, 0) AS fraction,
             r.position <= r.n / 3 AS in_top,
             r.position > r.n - r.n / 3 AS in_bottom,
             r.answers -> (f.value ->> 'questionId') AS response,
             r.option_orders -> (f.value ->> 'questionId') AS option_order
      FROM ranked r CROSS JOIN LATERAL jsonb_array_elements(r.feedback) f
    ),
    counts AS (
      SELECT question_id, count(*)::int AS attempts, count(*) FILTER (WHERE correct)::int AS correct,
             avg(fraction)::float8 AS average_fraction,
             count(*) FILTER (WHERE in_top)::int AS top_attempts, count(*) FILTER (WHERE in_top AND correct)::int AS top_correct,
             count(*) FILTER (WHERE in_bottom)::int AS bottom_attempts,
             count(*) FILTER (WHERE in_bottom AND correct)::int AS bottom_correct,
             count(*) FILTER (WHERE response IS NULL OR response IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb))::int AS unanswered
      FROM items GROUP BY question_id
    ),
    choices AS (
      SELECT i.question_id, i.attempt_id,
             CASE WHEN jsonb_typeof(e.value) = 'number' AND jsonb_typeof(i.option_order) = 'array' AND e.value::text ~ '^[0-9]{1,3}$'
                    THEN i.option_order -> (e.value::text)::int
                  WHEN jsonb_typeof(e.value) = 'string'
                    THEN to_jsonb(lower(btrim(regexp_replace(e.value #>> '{}', '\\s+', ' ', 'g'))))
                  ELSE e.value END AS choice
      FROM items i
      CROSS JOIN LATERAL jsonb_array_elements(
        CASE jsonb_typeof(i.response) WHEN 'array' THEN i.response ELSE jsonb_build_array(i.response) END) e
      WHERE NOT i.correct AND i.response IS NOT NULL
    ),
    histogram AS (
      SELECT question_id, choice, count(DISTINCT attempt_id)::int AS times,
             row_number() OVER (PARTITION BY question_id ORDER BY count(DISTINCT attempt_id) DESC, choice) AS rank
      FROM choices WHERE choice IS NOT NULL AND choice <> 'null'::jsonb AND choice <> '""'::jsonb
      GROUP BY question_id, choice
    )
    SELECT c.*, (SELECT count(*) FROM counted)::int AS counted_attempts,
           (SELECT json_agg(json_build_object('choice', h.choice, 'count', h.times) ORDER BY h.rank)
            FROM histogram h WHERE h.question_id = c.question_id AND h.rank <= 25) AS choices
    FROM counts c`);

  const counts = new Map<string, QuestionCounts>(
    result.rows.map((r) => [
      r.question_id,
      {
        attempts: r.attempts,
        correct: r.correct,
        averageFraction: r.average_fraction,
        topAttempts: r.top_attempts,
        topCorrect: r.top_correct,
        bottomAttempts: r.bottom_attempts,
        bottomCorrect: r.bottom_correct,
        unanswered: r.unanswered,
        choices: r.choices ?? [],
      },
    ]),
  );
  // The quiz as it is now: a question removed since is no longer analysed, a new one shows no attempts.
  const questions = quizQuestions.safeParse(quiz.questions);
  const rows = questions.success ? questions.data.map((q, i) => itemRow(q, i + 1, counts.get(q.id))) : [];
  const counted = result.rows[0]?.counted_attempts ?? 0;
  const course = quiz.course_document_id ? { documentId: quiz.course_document_id, title: quiz.course_title! } : null;
  return {
    data: rows,
    meta: {
      ...reportMeta(COLUMNS, { course, courses: course ? 1 : 0 }, period),
      quiz: { documentId: quiz.document_id, title: quiz.title, passingScore: quiz.passing_score },
      attemptsCounted: policy,
      attempts: counted,
      groupSize: Math.floor(counted / 3),
    },
  };
}
