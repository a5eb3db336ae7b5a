// The learning history the analytics read, added to the bench dataset after the progress rows:
// - a quiz (five questions of four types) on every quiz lesson;
// - "the big class": one course of bench.teacher.001 with 40 lessons (every fifth a quiz) and 200 students
//   per scale unit (every 25th student), enrolled over the last 28 days, each through a random number of
//   lessons: the progress monitor's 200 x 40 grid, and live enrollment figures that are not all zero;
// - two progress events per progress row (one in ten sent from the offline outbox, hours late);
// - one graded attempt per learner per quiz lesson they reached (a second for two in five), with answers,
//   layout and feedback shaped as the grader writes them; a learner's ability drives their answers, so
//   item analysis finds real facility and discrimination.
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import type { BuildStep } from './dataset';
import { docId, r } from './sql-random';

export const BIG_CLASS_TITLE = 'Bench class: Tajweed for beginners';
export const BIG_CLASS_LESSONS = 40;
export const BIG_CLASS_PER_SCALE = 200;

const QUESTIONS = [
  {
    id: 'q1',
    type: 'single_choice',
    prompt: 'Which letter is a throat letter?',
    options: ['ب', 'ع', 'م', 'ل'],
    answer: 1,
  },
  {
    id: 'q2',
    type: 'single_choice',
    prompt: 'How many counts is a natural madd?',
    options: ['1', '3', '4', '2'],
    answer: 3,
  },
  {
    id: 'q3',
    type: 'multiple_choice',
    prompt: 'Which are rules of noon sakinah?',
    options: ['Idhar', 'Qalqalah', 'Ikhfa', 'Madd'],
    answer: [0, 2],
  },
  { id: 'q4', type: 'true_false', prompt: 'Qalqalah letters are five', answer: true },
  { id: 'q5', type: 'short_answer', prompt: 'Where was the Quran first revealed?', answer: ['Makkah'] },
].map((q) => ({ points: 1, ...q }));

const LAYOUT = QUESTIONS.map((q) => ({
  questionId: q.id,
  optionOrder: q.options ? q.options.map((_, i) => i) : null,
}));

/** How hard each question is: subtracted from the learner's chance of getting it right. */
const DIFFICULTY = [0.05, 0.3, 0.25, -0.1, 0.4];

export async function buildLearningHistory(
  db: DatabaseHandle['db'],
  options: { salt: () => string },
): Promise<BuildStep[]> {
  const s = { klass: options.salt(), quiz: options.salt(), event: options.salt(), attempt: options.salt() };
  const steps: BuildStep[] = [];
  const step = async (name: string, statement: ReturnType<typeof sql>) => {
    const started = performance.now();
    const result = await db.execute(statement);
    steps.push({ name, rows: result.rowCount ?? 0, ms: performance.now() - started });
  };
  const raw = (text: string) => sql.raw(text);

  await step(
    'big class (course)',
    sql`INSERT INTO courses (document_id, title, description, category, age_tier, difficulty, instructor_id, is_published,
                             estimated_duration, tags, created_by_id, published_at, created_at, updated_at)
        SELECT ${raw(docId(s.klass, `'course'`))}, ${BIG_CLASS_TITLE}, 'The benchmark''s large class.', 'quran', 'children',
               'beginner', i.id, true, 600, '["bench"]'::jsonb, i.user_id, now() - interval '45 days',
               now() - interval '60 days', now() - interval '45 days'
        FROM instructors i JOIN users u ON u.id = i.user_id WHERE u.username = 'bench.teacher.001'`,
  );
  await step(
    'big class (lessons)',
    sql`INSERT INTO lessons (document_id, title, content, type, course_id, "order", duration, is_locked, created_at, updated_at)
        SELECT ${raw(docId(s.klass, `'lesson' || o`))}, 'Tajweed lesson ' || o, 'Lesson ' || o || ' of the big class.',
               (CASE WHEN o % 5 = 0 THEN 'quiz' ELSE 'article' END)::lesson_type, c.id, o, 15, false, c.created_at, c.created_at
        FROM courses c CROSS JOIN generate_series(1, ${BIG_CLASS_LESSONS}) AS o
        WHERE c.title = ${BIG_CLASS_TITLE}`,
  );
  // Every 25th student (200 per scale unit); k = lessons completed, 0..40.
  await step(
    'big class (enrollments)',
    sql`WITH picked AS (
          SELECT u.id AS user_id, u.username, c.id AS course_id,
                 now() - ${raw(r(s.klass, `'e' || u.username`))} * interval '28 days' AS enrolled,
                 floor(${raw(r(s.klass, `'k' || u.username`))} * ${BIG_CLASS_LESSONS + 1})::int AS k
          FROM users u CROSS JOIN courses c
          WHERE c.title = ${BIG_CLASS_TITLE} AND u.username LIKE 'bench.student.%'
            AND substr(u.username, 15)::int % 25 = 0
        )
        INSERT INTO course_enrollments (document_id, user_id, course_id, enrolled_at, completed_at, status, progress, created_at, updated_at)
        SELECT ${raw(docId(s.klass, `'enrol' || username`))}, user_id, course_id, enrolled,
               CASE WHEN k = ${BIG_CLASS_LESSONS} THEN enrolled + (now() - enrolled) * 0.9 END,
               (CASE WHEN k = 0 THEN 'enrolled' WHEN k = ${BIG_CLASS_LESSONS} THEN 'completed' ELSE 'in_progress' END)::enrollment_status,
               floor(100.0 * k / ${BIG_CLASS_LESSONS})::int, enrolled, enrolled
        FROM picked ORDER BY user_id`,
  );
  // Lessons 1..k completed, lesson k+1 started; dated between the enrollment and now.
  await step(
    'big class (user_progresses)',
    sql`INSERT INTO user_progresses (document_id, user_id, lesson_id, progress, completed, quiz_score, time_spent, last_accessed, created_at, updated_at)
        SELECT ${raw(docId(s.klass, `e.document_id || ':' || l."order"`))}, e.user_id, l.id,
               CASE WHEN l."order" <= k.k THEN 100 ELSE 10 + floor(${raw(r(s.klass, `'p' || e.document_id || l."order"`))} * 80)::int END,
               l."order" <= k.k,
               CASE WHEN l.type = 'quiz' THEN 40 + floor(${raw(r(s.klass, `'q' || e.document_id || l."order"`))} * 61)::int END,
               60 + floor(${raw(r(s.klass, `'t' || e.document_id || l."order"`))} * 900)::int,
               e.enrolled_at + (now() - e.enrolled_at) * (l."order"::float8 / ${BIG_CLASS_LESSONS + 1}),
               e.enrolled_at, e.enrolled_at
        FROM course_enrollments e
        JOIN courses c ON c.id = e.course_id AND c.title = ${BIG_CLASS_TITLE}
        CROSS JOIN LATERAL (SELECT round(e.progress * ${BIG_CLASS_LESSONS} / 100.0)::int AS k) k
        JOIN lessons l ON l.course_id = c.id AND l."order" <= k.k + 1
        ORDER BY e.user_id, l."order"`,
  );

  await step(
    'quizzes',
    sql`INSERT INTO quizzes (document_id, title, lesson_id, questions, passing_score, created_by_id, created_at, updated_at)
        SELECT ${raw(docId(s.quiz, `l.document_id`))}, 'Quiz: ' || l.title, l.id, ${JSON.stringify(QUESTIONS)}::jsonb, 70,
               c.created_by_id, l.created_at, l.created_at
        FROM lessons l JOIN courses c ON c.id = l.course_id
        WHERE l.type = 'quiz'
        ORDER BY l.id`,
  );

  await step(
    'progress_events',
    sql`INSERT INTO progress_events (user_id, event_id, lesson_id, progress, completed, time_spent, occurred_at, received_at)
        SELECT up.user_id, md5(${s.event} || up.id || ':' || ev)::uuid, up.lesson_id,
               CASE WHEN ev = 1 THEN up.progress / 2 ELSE up.progress END,
               ev = 2 AND up.completed,
               CASE WHEN ev = 1 THEN up.time_spent / 2 ELSE up.time_spent - up.time_spent / 2 END,
               o.at,
               o.at + CASE WHEN ${raw(r(s.event, `'off' || up.id || ev`))} < 0.1
                           THEN interval '1 hour' * (1 + ${raw(r(s.event, `'late' || up.id || ev`))} * 47)
                           ELSE interval '2 seconds' END
        FROM user_progresses up
        CROSS JOIN generate_series(1, 2) AS ev
        CROSS JOIN LATERAL (
          SELECT up.last_accessed - CASE WHEN ev = 1 THEN interval '1 day' * (1 + ${raw(r(s.event, `'d' || up.id`))} * 6)
                                         ELSE interval '0' END AS at
        ) o
        ORDER BY up.user_id, o.at`,
  );

  // A learner's ability (0..1) and each question's difficulty set the chance of a right answer; a second
  // attempt is a little better. Wrong answers favour one distractor, as real classes do.
  const chance = (j: number) =>
    `least(0.95, greatest(0.05, 0.35 + 0.6 * b.ability - ${DIFFICULTY[j]} + 0.15 * (b.a - 1)))`;
  const right = (j: number) => `(${r(s.attempt, `'c${j}' || b.up_id || ':' || b.a`)} < ${chance(j)})`;
  const wrong = (j: number) => r(s.attempt, `'w${j}' || b.up_id || ':' || b.a`);
  await step(
    'quiz_attempts',
    sql`WITH base AS (
          SELECT up.id AS up_id, up.user_id, q.id AS quiz_id, up.last_accessed, a.a,
                 ${raw(r(s.attempt, `'ability' || up.user_id`))} AS ability
          FROM user_progresses up
          JOIN quizzes q ON q.lesson_id = up.lesson_id
          CROSS JOIN generate_series(1, 2) AS a(a)
          WHERE a.a = 1 OR ${raw(r(s.attempt, `'again' || up.id`))} < 0.4
        ), graded AS (
          SELECT b.*, ${raw(right(0))} AS c1, ${raw(right(1))} AS c2, ${raw(right(2))} AS c3, ${raw(right(3))} AS c4,
                 ${raw(right(4))} AS c5,
                 ${raw(wrong(0))} AS w1, ${raw(wrong(1))} AS w2, ${raw(wrong(2))} AS w3, ${raw(wrong(4))} AS w5,
                 b.last_accessed - interval '20 minutes' * (3 - b.a) AS started
          FROM base b
        )
        INSERT INTO quiz_attempts (document_id, quiz_id, user_id, started_at, deadline_at, layout, submitted_at, answers,
                                   score, passed, late, feedback, created_at, updated_at)
        SELECT ${raw(docId(s.attempt, `up_id || ':' || a`))}, quiz_id, user_id, started, NULL, ${JSON.stringify(LAYOUT)}::jsonb,
               started + interval '1 second' * (60 + floor(${raw(r(s.attempt, `'dur' || up_id || a`))} * 540)),
               jsonb_build_object(
                 'q1', CASE WHEN c1 THEN 1 WHEN w1 < 0.6 THEN 2 WHEN w1 < 0.85 THEN 0 ELSE 3 END,
                 'q2', CASE WHEN c2 THEN 3 WHEN w2 < 0.5 THEN 1 WHEN w2 < 0.8 THEN 2 ELSE 0 END,
                 'q3', CASE WHEN c3 THEN '[0, 2]'::jsonb WHEN w3 < 0.5 THEN '[0, 3]'::jsonb WHEN w3 < 0.8 THEN '[1, 2]'::jsonb
                            ELSE '[1, 3]'::jsonb END,
                 'q4', c4,
                 'q5', CASE WHEN c5 THEN 'Makkah' WHEN w5 < 0.6 THEN 'Madinah' WHEN w5 < 0.8 THEN 'Taif' ELSE 'Jerusalem' END),
               round(100.0 * (c1::int + c2::int + c3::int + c4::int + c5::int) / 5)::int,
               round(100.0 * (c1::int + c2::int + c3::int + c4::int + c5::int) / 5) >= 70,
               false,
               jsonb_build_array(
                 jsonb_build_object('questionId', 'q1', 'earned', c1::int, 'points', 1, 'correct', c1),
                 jsonb_build_object('questionId', 'q2', 'earned', c2::int, 'points', 1, 'correct', c2),
                 jsonb_build_object('questionId', 'q3', 'earned', c3::int, 'points', 1, 'correct', c3),
                 jsonb_build_object('questionId', 'q4', 'earned', c4::int, 'points', 1, 'correct', c4),
                 jsonb_build_object('questionId', 'q5', 'earned', c5::int, 'points', 1, 'correct', c5)),
               started, started
        FROM graded
        ORDER BY user_id, started`,
  );
  return steps;
}
