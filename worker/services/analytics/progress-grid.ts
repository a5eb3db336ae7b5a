import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type {
  GridStudent,
  ProgressCell,
  ProgressGrid,
  ProgressGridMeta,
  ProgressGridQuery,
} from '../../contract/analytics';
import type { AuthUser } from '../../env';
import { notFound } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';

type EnrollmentStatus = GridStudent['status'];

type Row = {
  course: ProgressGrid['course'] | null;
  lessons: ProgressGrid['lessons'] | null;
  total: number;
  students: (GridStudent & { cells: ProgressCell[] })[] | null;
};

/** NULLs (never active, no quiz yet) sort as the lowest value, so "least active first" lists them first. */
const SORT_COLUMNS: Record<string, string> = {
  name: 'lower(coalesce(s.full_name, s.username))',
  progress: 's.progress',
  lastActive: 's.last_active',
  timeSpent: 's.time_spent',
  lessonsCompleted: 's.lessons_completed',
  averageQuizScore: 's.average_quiz_score',
  enrolledAt: 's.enrolled_at',
};

export function gridOrder(sort: string): SQL {
  const [key, direction = 'asc'] = sort.split(':') as [string, string?];
  const expression = SORT_COLUMNS[key] ?? SORT_COLUMNS.name!;
  const order = direction === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST';
  return sql.raw(`${expression} ${order}, lower(coalesce(s.full_name, s.username)), s.user_id`);
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The progress monitor of one course: its students (a page of them, sorted and filtered) by its lessons,
 * in ONE statement that also builds the JSON: the course, the lessons in order, and per student their
 * enrollment, totals and one compact cell per lesson ([progress, completed, quizScore], or null when the
 * lesson was never opened). 200 students x 40 lessons is 8,000 small arrays, not 8,000 objects.
 */
export async function progressGrid(
  db: Database,
  viewer: AuthUser,
  scopes: readonly Scope[],
  courseDocumentId: string,
  query: ProgressGridQuery,
): Promise<{ data: ProgressGrid; meta: ProgressGridMeta }> {
  const owned = scopes.includes('all') ? sql`true` : sql`c.created_by_id = ${viewer.id}`;
  const statuses = (query.status?.split(',') ?? null) as EnrollmentStatus[] | null;
  const learnerFilters: SQL[] = [sql`e.course_id = (SELECT id FROM course)`];
  if (statuses) learnerFilters.push(sql`e.status = ANY(${`{${statuses.join(',')}}`}::enrollment_status[])`);
  if (query.search)
    learnerFilters.push(
      sql`(u.username ILIKE ${likePattern(query.search)} OR p.full_name ILIKE ${likePattern(query.search)})`,
    );
  const inactive =
    query.inactiveDays === undefined
      ? sql`true`
      : sql`(s.last_active IS NULL OR s.last_active < now() - make_interval(days => ${query.inactiveDays}))`;
  const pageSize = query['pagination[pageSize]'];
  const page = query['pagination[page]'];
  const order = gridOrder(query.sort);

  const result = await db.execute<Row>(sql`
    WITH course AS (
      SELECT c.id, c.document_id, c.title FROM courses c WHERE c.document_id = ${courseDocumentId} AND ${owned}
    ),
    lesson_list AS (
      SELECT l.id, l.document_id, l.title, l."order", l.type, q.document_id AS quiz,
             row_number() OVER (ORDER BY l."order", l.id) AS position
      FROM lessons l LEFT JOIN quizzes q ON q.lesson_id = l.id
      WHERE l.course_id = (SELECT id FROM course)
    ),
    learners AS (
      SELECT e.user_id, e.status, e.progress, e.enrolled_at, e.completed_at, u.document_id, u.username, p.full_name
      FROM course_enrollments e JOIN users u ON u.id = e.user_id LEFT JOIN user_profiles p ON p.user_id = e.user_id
      WHERE ${sql.join(learnerFilters, sql` AND `)}
    ),
    work AS (
      SELECT up.user_id, up.lesson_id, up.progress, up.completed, up.quiz_score, up.time_spent, up.last_accessed
      FROM user_progresses up JOIN lesson_list ll ON ll.id = up.lesson_id
      WHERE up.user_id IN (SELECT user_id FROM learners)
    ),
    -- Materialized: aggregated once, however the planner joins them (its row estimates for CTEs are poor).
    totals AS MATERIALIZED (
      SELECT user_id, sum(time_spent)::float8 AS time_spent, max(last_accessed) AS last_active,
             count(*) FILTER (WHERE completed)::int AS lessons_completed, round(avg(quiz_score), 1)::float8 AS average_quiz_score
      FROM work GROUP BY user_id
    ),
    summary AS (
      SELECT le.*, coalesce(t.time_spent, 0) AS time_spent, t.last_active, coalesce(t.lessons_completed, 0) AS lessons_completed,
             t.average_quiz_score
      FROM learners le LEFT JOIN totals t ON t.user_id = le.user_id
    ),
    filtered AS (SELECT s.* FROM summary s WHERE ${inactive}),
    page AS (
      SELECT s.*, row_number() OVER (ORDER BY ${order}) AS rank
      FROM filtered s ORDER BY ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    ),
    cells AS MATERIALIZED (
      SELECT pg.user_id,
             json_agg(CASE WHEN w.user_id IS NULL THEN NULL
                           ELSE json_build_array(w.progress, w.completed::int, w.quiz_score) END ORDER BY ll.position) AS cells
      FROM page pg CROSS JOIN lesson_list ll LEFT JOIN work w ON w.user_id = pg.user_id AND w.lesson_id = ll.id
      GROUP BY pg.user_id
    )
    SELECT
      (SELECT json_build_object('documentId', document_id, 'title', title) FROM course) AS course,
      (SELECT coalesce(json_agg(json_build_object('documentId', document_id, 'title', title, 'order', "order",
                                                  'type', type, 'quiz', quiz) ORDER BY position), '[]')
       FROM lesson_list) AS lessons,
      (SELECT count(*) FROM filtered)::int AS total,
      (SELECT coalesce(json_agg(json_build_object(
                'documentId', pg.document_id, 'username', pg.username, 'fullName', pg.full_name, 'status', pg.status,
                'progress', pg.progress, 'enrolledAt', pg.enrolled_at, 'completedAt', pg.completed_at,
                'lastActive', pg.last_active, 'timeSpent', pg.time_spent, 'lessonsCompleted', pg.lessons_completed,
                'averageQuizScore', pg.average_quiz_score,
                'cells', coalesce(ce.cells, '[]')) ORDER BY pg.rank), '[]')
       FROM page pg LEFT JOIN cells ce ON ce.user_id = pg.user_id) AS students`);

  const row = result.rows[0]!;
  if (!row.course) throw notFound(`No course ${courseDocumentId}`);
  const students = row.students ?? [];
  return {
    data: {
      course: row.course,
      lessons: row.lessons ?? [],
      students: students.map(({ cells: _cells, ...student }) => ({
        ...student,
        enrolledAt: new Date(student.enrolledAt).toISOString(),
        completedAt: student.completedAt && new Date(student.completedAt).toISOString(),
        lastActive: student.lastActive && new Date(student.lastActive).toISOString(),
      })),
      cells: students.map((s) => s.cells),
    },
    meta: {
      pagination: { page, pageSize, pageCount: Math.ceil(row.total / pageSize), total: row.total },
      sort: query.sort,
      filters: { status: statuses, search: query.search ?? null, inactiveDays: query.inactiveDays ?? null },
      cell: ['progress', 'completed', 'quizScore'],
    },
  };
}
