// The benchmark's fixed dataset, built with a handful of set-based statements (INSERT … SELECT over
// generate_series): 50 teachers/instructors, 1,000 courses, 20,000 lessons, 5,000 students with
// profiles, 15,000 enrollments and 25,000 progress rows; then the learning history the analytics read
// (bench/learning-history.ts). `scale` multiplies the students and everything they do (10: 50,000
// students, 250,000 progress rows); the course catalogue stays the same.
//
// Deterministic: every "random" value is a counter-based PRNG evaluated in SQL, hash(salt, row key) → [0, 1),
// with the salts drawn from mulberry32(seed). The same seed gives the same rows (ids, documentIds, text,
// dates) on every run and whatever plan Postgres picks, which random()/setseed() would not guarantee.
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { DEMO_ACHIEVEMENTS } from '../../db/seed/demo-content';
import { buildLearningHistory } from './learning-history';
import { docId, pick, r } from './sql-random';

export const BENCH_PASSWORD = 'bench-password-1';
export const COURSE_COUNT = 1000;
export const LESSONS_PER_COURSE = 20;
export const STUDENT_COUNT = 5000;
export const INSTRUCTOR_COUNT = 50;
export const BENCH_ADMIN = 'bench.admin';

export const studentCount = (scale: number) => STUDENT_COUNT * scale;

export function studentUsername(n: number): string {
  return `bench.student.${String(n).padStart(5, '0')}`;
}

/** mulberry32: a tiny, well-mixed 32-bit PRNG; the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BuildStep {
  name: string;
  rows: number;
  ms: number;
}

const BASE_TEXT =
  'In the name of Allah, the Most Gracious, the Most Merciful. This lesson revisits the reading, its meaning ' +
  'and its practice, with examples from the Quran and the Sunnah, questions to reflect on, and a short summary. ';

/**
 * Builds the dataset on an empty, migrated database; `passwordHash` is one real hash shared by every
 * bench account. Returns the duration of each statement.
 */
export async function buildDataset(
  db: DatabaseHandle['db'],
  options: { seed: number; passwordHash: string; scale?: number },
): Promise<BuildStep[]> {
  const scale = options.scale ?? 1;
  const next = mulberry32(options.seed);
  const salt = () => Math.floor(next() * 2 ** 32).toString(36);
  const s = { user: salt(), course: salt(), lesson: salt(), profile: salt(), enrol: salt(), progress: salt() };

  const steps: BuildStep[] = [];
  const step = async (name: string, statement: ReturnType<typeof sql>) => {
    const started = performance.now();
    const result = await db.execute(statement);
    steps.push({ name, rows: result.rowCount ?? 0, ms: performance.now() - started });
  };
  const raw = (text: string) => sql.raw(text);

  await step(
    'teachers (users)',
    sql`INSERT INTO users (document_id, username, email, password, role_id, confirmed, created_at, updated_at)
        SELECT ${raw(docId(s.user, `'t' || i`))},
               'bench.teacher.' || lpad(i::text, 3, '0'),
               'bench.teacher.' || lpad(i::text, 3, '0') || '@bench.example',
               ${options.passwordHash},
               (SELECT id FROM roles WHERE type = 'teacher'),
               true, timestamptz '2024-09-01 08:00+00' + i * interval '1 hour', timestamptz '2024-09-01 08:00+00' + i * interval '1 hour'
        FROM generate_series(1, ${INSTRUCTOR_COUNT}) AS i`,
  );

  await step(
    'instructors',
    sql`INSERT INTO instructors (document_id, name, bio, qualifications, email, user_id, created_at, updated_at)
        SELECT ${raw(docId(s.user, `'i' || i`))},
               'Bench Instructor ' || lpad(i::text, 3, '0'),
               'Teaches at the mosque school since ' || (2000 + floor(${raw(r(s.user, `'ib' || i`))} * 24)::int) || '.',
               jsonb_build_array('Ijazah in ' || ${raw(pick(['Hafs', 'Warsh', 'Hadith', 'Fiqh'], r(s.user, `'iq' || i`)))}, 'BA Islamic Studies'),
               u.email, u.id, u.created_at, u.created_at
        FROM generate_series(1, ${INSTRUCTOR_COUNT}) AS i
        JOIN users u ON u.username = 'bench.teacher.' || lpad(i::text, 3, '0')
        ORDER BY i`,
  );

  // Category round-robin, 4 in 5 published, instructor round-robin (owned by that instructor's teacher).
  await step(
    'courses',
    sql`WITH g AS (
          SELECT i,
                 (ARRAY['quran','hadith','fiqh','seerah','aqeedah','general'])[(i - 1) % 6 + 1] AS category,
                 i % 5 <> 0 AS published,
                 timestamptz '2025-01-01 00:00+00' + ${raw(r(s.course, `'c' || i`))} * interval '365 days' AS created
          FROM generate_series(1, ${COURSE_COUNT}) AS i
        ), ins AS (
          SELECT id, user_id, row_number() OVER (ORDER BY id) AS rn FROM instructors
        )
        INSERT INTO courses (document_id, title, description, category, age_tier, difficulty, instructor_id, is_published,
                             estimated_duration, tags, created_by_id, published_at, created_at, updated_at)
        SELECT ${raw(docId(s.course, `g.i`))},
               initcap(g.category) || ' course ' || lpad(g.i::text, 4, '0'),
               'A ' || g.category || ' course of the bench dataset. ' || substr(${BASE_TEXT}, 1, 80 + floor(${raw(r(s.course, `'d' || g.i`))} * 100)::int),
               g.category::course_category,
               ${raw(pick(['children', 'youth', 'adults', 'all'], r(s.course, `'a' || g.i`)))}::age_tier,
               ${raw(pick(['beginner', 'intermediate', 'advanced'], r(s.course, `'f' || g.i`)))}::difficulty,
               ins.id, g.published,
               30 + floor(${raw(r(s.course, `'m' || g.i`))} * 600)::int,
               jsonb_build_array(g.category, 'bench'),
               ins.user_id,
               CASE WHEN g.published THEN g.created + ${raw(r(s.course, `'p' || g.i`))} * interval '14 days' END,
               g.created,
               g.created + interval '14 days'
        FROM g JOIN ins ON ins.rn = (g.i - 1) % ${INSTRUCTOR_COUNT} + 1
        ORDER BY g.i`,
  );

  await step(
    'lessons',
    sql`INSERT INTO lessons (document_id, title, content, type, course_id, "order", duration, is_locked, created_at, updated_at)
        SELECT ${raw(docId(s.lesson, `c.document_id || ':' || o`))},
               'Lesson ' || o || ' of ' || c.title,
               'Lesson ' || o || ' of ' || c.title || '. '
                 || substr(repeat(${BASE_TEXT}, 14), 1 + floor(${raw(r(s.lesson, `'s' || c.document_id || o`))} * 200)::int,
                           1000 + floor(${raw(r(s.lesson, `'n' || c.document_id || o`))} * 1000)::int),
               ${raw(pick(['article', 'video', 'audio', 'quiz', 'interactive'], r(s.lesson, `'t' || c.document_id || o`)))}::lesson_type,
               c.id, o,
               5 + floor(${raw(r(s.lesson, `'m' || c.document_id || o`))} * 40)::int,
               false,
               c.created_at + o * interval '1 hour', c.created_at + o * interval '1 hour'
        FROM courses c CROSS JOIN generate_series(1, ${LESSONS_PER_COURSE}) AS o
        ORDER BY c.id, o`,
  );

  await step(
    'students (users)',
    sql`INSERT INTO users (document_id, username, email, password, role_id, confirmed, created_at, updated_at)
        SELECT ${raw(docId(s.user, `'s' || i`))},
               'bench.student.' || lpad(i::text, 5, '0'),
               'bench.student.' || lpad(i::text, 5, '0') || '@bench.example',
               ${options.passwordHash},
               (SELECT id FROM roles WHERE type = 'student'),
               true,
               timestamptz '2025-01-01 00:00+00' + ${raw(r(s.user, `'sc' || i`))} * interval '365 days',
               timestamptz '2025-01-01 00:00+00' + ${raw(r(s.user, `'sc' || i`))} * interval '365 days'
        FROM generate_series(1, ${studentCount(scale)}) AS i`,
  );

  await step(
    'admin (users)',
    sql`INSERT INTO users (document_id, username, email, password, role_id, confirmed)
        SELECT ${raw(docId(s.user, `'admin'`))}, ${BENCH_ADMIN}, ${BENCH_ADMIN + '@bench.example'}, ${options.passwordHash},
               (SELECT id FROM roles WHERE type = 'admin'), true`,
  );

  await step(
    'user_profiles',
    sql`INSERT INTO user_profiles (user_id, full_name, bio, date_of_birth, age_tier, time_zone, locale, created_at, updated_at)
        SELECT u.id,
               initcap(replace(u.username, '.', ' ')),
               NULL,
               date '1960-01-01' + floor(${raw(r(s.profile, `u.username`))} * 18000)::int,
               ${raw(pick(['children', 'youth', 'adults'], r(s.profile, `'a' || u.username`)))}::age_tier,
               ${raw(pick(['UTC', 'America/New_York', 'Europe/London', 'Asia/Karachi'], r(s.profile, `'z' || u.username`)))},
               ${raw(pick(['en', 'ar', 'ur'], r(s.profile, `'l' || u.username`)))},
               u.created_at, u.created_at
        FROM users u WHERE u.username LIKE 'bench.%'
        ORDER BY u.id`,
  );

  // Three distinct published courses per student: start anywhere, then step a third of the way round.
  await step(
    'course_enrollments',
    sql`WITH pc AS (
          SELECT id, published_at, row_number() OVER (ORDER BY id) - 1 AS k FROM courses WHERE is_published
        ), n AS (
          SELECT count(*)::int AS n FROM courses WHERE is_published
        ), picks AS (
          SELECT u.id AS user_id, u.username, u.created_at, e,
                 (floor(${raw(r(s.enrol, `u.username`))} * n.n)::int + e * (n.n / 3)) % n.n AS k
          FROM users u CROSS JOIN n CROSS JOIN generate_series(0, 2) AS e
          WHERE u.username LIKE 'bench.student.%'
        ), rows AS (
          SELECT p.*, pc.id AS course_id, greatest(p.created_at, pc.published_at) + ${raw(r(s.enrol, `'d' || p.username || p.e`))} * interval '60 days' AS enrolled,
                 ${raw(pick(['enrolled', 'in_progress', 'in_progress', 'completed', 'dropped'], r(s.enrol, `'s' || p.username || p.e`)))} AS status
          FROM picks p JOIN pc ON pc.k = p.k
        )
        INSERT INTO course_enrollments (document_id, user_id, course_id, enrolled_at, completed_at, status, progress, created_at, updated_at)
        SELECT ${raw(docId(s.enrol, `username || ':' || e`))},
               user_id, course_id, enrolled,
               CASE WHEN status = 'completed' THEN enrolled + interval '30 days' END,
               status::enrollment_status,
               CASE status WHEN 'completed' THEN 100 WHEN 'enrolled' THEN 0 ELSE 5 + floor(${raw(r(s.enrol, `'p' || username || e`))} * 90)::int END,
               enrolled, enrolled
        FROM rows
        ORDER BY user_id, e`,
  );

  // Five per student: lessons 1-3 of the first enrollment, 1-2 of the second.
  await step(
    'user_progresses',
    sql`WITH en AS (
          SELECT ce.user_id, ce.course_id, ce.document_id, ce.enrolled_at,
                 row_number() OVER (PARTITION BY ce.user_id ORDER BY ce.id) - 1 AS e
          FROM course_enrollments ce
        )
        INSERT INTO user_progresses (document_id, user_id, lesson_id, progress, completed, quiz_score, time_spent, last_accessed, created_at, updated_at)
        SELECT ${raw(docId(s.progress, `en.document_id || ':' || o`))},
               en.user_id, l.id,
               CASE WHEN ${raw(r(s.progress, `'c' || en.document_id || o`))} < 0.6 THEN 100 ELSE floor(${raw(r(s.progress, `'p' || en.document_id || o`))} * 100)::int END,
               ${raw(r(s.progress, `'c' || en.document_id || o`))} < 0.6,
               CASE WHEN l.type = 'quiz' THEN 40 + floor(${raw(r(s.progress, `'q' || en.document_id || o`))} * 61)::int END,
               60 + floor(${raw(r(s.progress, `'t' || en.document_id || o`))} * 1800)::int,
               en.enrolled_at + o * interval '1 day',
               en.enrolled_at + o * interval '1 day', en.enrolled_at + o * interval '1 day'
        FROM en
        JOIN generate_series(1, 3) AS o ON o <= CASE en.e WHEN 0 THEN 3 WHEN 1 THEN 2 ELSE 0 END
        JOIN lessons l ON l.course_id = en.course_id AND l."order" = o
        ORDER BY en.user_id, en.e, o`,
  );

  steps.push(...(await buildLearningHistory(db, { salt })));

  // The school's badges, as the demo seeds them: every learning write measures the learner against them,
  // so a bench without them would time a cheaper write than a school's.
  await step(
    'achievements (the demo set)',
    sql`INSERT INTO achievements (document_id, title, description, criteria, points, badge_type, category)
        SELECT ${raw(docId(s.user, `'achievement' || a.n`))}, a.title, a.description, a.criteria, a.points,
               a.badge_type::badge_type, a.category::achievement_category
        FROM jsonb_to_recordset(${JSON.stringify(DEMO_ACHIEVEMENTS.map((a, n) => ({ ...a, n, badge_type: a.badgeType })))}::jsonb)
          AS a(n int, title text, description text, criteria jsonb, points int, badge_type text, category text)`,
  );

  // Fresh statistics, as autovacuum would eventually produce: plans then match a settled database.
  await step('ANALYZE', sql`ANALYZE`);
  return steps;
}
