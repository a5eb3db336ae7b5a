// The analytics and observability endpoints the bench measures, as a teacher (bench.teacher.001: 20
// courses and the big class) and as the admin (the whole school). Each check makes sure a 200 answered
// what was asked (a full grid, the window, the rows), so a fast wrong answer is flagged.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { BIG_CLASS_LESSONS, BIG_CLASS_TITLE } from './learning-history';
import type { Endpoint } from './measure';

/** The year most of the dataset's learning happened in, and its first quarter for retention cohorts. */
const YEAR = 'from=2025-01-01&to=2025-12-31';
const QUARTER = 'from=2025-01-01&to=2025-03-31';

export interface AnalyticsTargets {
  bigClass: string;
  classSize: number;
  /** The big-class student with the most lessons done. */
  student: string;
  /** The big class's first quiz (lesson 5): every learner past lesson 4 took it. */
  quiz: string;
}

export async function analyticsTargets(db: Database): Promise<AnalyticsTargets> {
  const result = await db.execute<{ course: string; size: number; student: string; quiz: string }>(sql`
    SELECT c.document_id AS course,
           (SELECT count(*)::int FROM course_enrollments e WHERE e.course_id = c.id) AS size,
           (SELECT u.document_id FROM course_enrollments e JOIN users u ON u.id = e.user_id
            WHERE e.course_id = c.id ORDER BY e.progress DESC, u.id LIMIT 1) AS student,
           (SELECT q.document_id FROM lessons l JOIN quizzes q ON q.lesson_id = l.id
            WHERE l.course_id = c.id ORDER BY l."order" LIMIT 1) AS quiz
    FROM courses c WHERE c.title = ${BIG_CLASS_TITLE}`);
  const row = result.rows[0]!;
  return { bigClass: row.course, classSize: row.size, student: row.student, quiz: row.quiz };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const rows = (body: unknown) => (isObject(body) && Array.isArray(body.data) ? (body.data as Json[]) : undefined);
const problems = (list: (string | false | undefined)[]) => list.filter(Boolean).join('; ') || undefined;

function nonEmptyRows(expectFrom?: string) {
  return (body: unknown) => {
    const data = rows(body);
    if (!data) return 'no data array';
    const meta = isObject(body) && isObject(body.meta) ? body.meta : {};
    const period = isObject(meta.period) ? meta.period : {};
    return problems([
      data.length === 0 && 'no rows: the dataset has nothing in this window',
      expectFrom !== undefined && period.from !== expectFrom && `window starts ${String(period.from)}`,
    ]);
  };
}

/** The big class enrolled over the last 28 days: this week's figure is never zero. */
function liveFigures(body: unknown) {
  const data = isObject(body) && isObject(body.data) ? body.data : undefined;
  if (!data || typeof data.today !== 'number') return 'no figures';
  return Number(data.thisWeek) > 0 ? undefined : 'nothing enrolled this week';
}

export function analyticsEndpoints(targets: AnalyticsTargets, teacherJwt: string, adminJwt: string): Endpoint[] {
  const teacher = { authorization: `Bearer ${teacherJwt}` };
  const admin = { authorization: `Bearer ${adminJwt}` };
  const get = (name: string, path: string, headers: Record<string, string>, check?: Endpoint['check']): Endpoint => ({
    name,
    method: 'GET',
    path,
    headers,
    check,
  });
  const shown = Math.min(targets.classSize, 200);
  return [
    get(
      `progress grid: big class, page of ${shown} x ${BIG_CLASS_LESSONS} lessons`,
      `/api/analytics/courses/${targets.bigClass}/progress`,
      teacher,
      (body) => {
        const data = isObject(body) && isObject(body.data) ? body.data : undefined;
        if (!data || !Array.isArray(data.lessons) || !Array.isArray(data.students) || !Array.isArray(data.cells))
          return 'no grid';
        return problems([
          data.lessons.length !== BIG_CLASS_LESSONS && `${data.lessons.length} lessons`,
          data.students.length !== shown && `${data.students.length} students, expected ${shown}`,
          (data.cells as unknown[][]).some((row) => row.length !== BIG_CLASS_LESSONS) && 'a cell row is short',
        ]);
      },
    ),
    get(
      'progress grid: in progress, by quiz score',
      `/api/analytics/courses/${targets.bigClass}/progress?status=in_progress&sort=averageQuizScore:desc`,
      teacher,
      (body) => {
        const data = isObject(body) && isObject(body.data) ? body.data : undefined;
        const students = data && Array.isArray(data.students) ? (data.students as Json[]) : [];
        return problems([
          students.length === 0 && 'no students',
          students.some((s) => s.status !== 'in_progress') && 'status filter not applied',
        ]);
      },
    ),
    get(
      'student detail (big class)',
      `/api/analytics/courses/${targets.bigClass}/students/${targets.student}`,
      teacher,
      (body) => {
        const data = isObject(body) && isObject(body.data) ? body.data : undefined;
        return problems([
          !data && 'no detail',
          data && Array.isArray(data.attempts) && data.attempts.length === 0 && 'no attempts',
          data && Array.isArray(data.lessons) && data.lessons.length !== BIG_CLASS_LESSONS && 'lessons missing',
        ]);
      },
    ),
    get('completion: own courses, 2025', `/api/analytics/completion?${YEAR}`, teacher, nonEmptyRows('2025-01-01')),
    get('engagement per day: own courses, 2025', `/api/analytics/engagement?${YEAR}`, teacher, (body) =>
      problems([rows(body)?.length !== 365 && `${rows(body)?.length} days`]),
    ),
    get('quiz performance: own courses', '/api/analytics/quizzes', teacher, nonEmptyRows()),
    get('item analysis: big-class quiz', `/api/analytics/quizzes/${targets.quiz}/items`, teacher, (body) => {
      const data = rows(body);
      return problems([
        data?.length !== 5 && `${data?.length} questions`,
        data?.some((q) => q.discrimination === null) && 'no discrimination',
      ]);
    }),
    get(
      'popularity by lesson: own courses, 2025',
      `/api/analytics/popularity?by=lesson&${YEAR}`,
      teacher,
      nonEmptyRows(),
    ),
    get('retention: own courses, Q1 2025, 8 weeks', `/api/analytics/retention?${QUARTER}`, teacher, nonEmptyRows()),
    get('live enrollments: own courses', '/api/analytics/enrollments/live', teacher, liveFigures),
    get('completion: school, 2025', `/api/analytics/completion?${YEAR}`, admin, nonEmptyRows('2025-01-01')),
    get('engagement per week: school, 2025', `/api/analytics/engagement?interval=week&${YEAR}`, admin, nonEmptyRows()),
    get('quiz performance: school', '/api/analytics/quizzes', admin, nonEmptyRows()),
    get('popularity by course: school, 2025', `/api/analytics/popularity?${YEAR}`, admin, nonEmptyRows()),
    get('retention: school, Q1 2025, 8 weeks', `/api/analytics/retention?${QUARTER}`, admin, nonEmptyRows()),
    get('live enrollments: school', '/api/analytics/enrollments/live', admin, liveFigures),
    get('API usage (admin)', '/api/observability/api-usage', admin, nonEmptyRows()),
    get('system health (admin)', '/api/observability/health', admin, (body) => {
      const data = isObject(body) && isObject(body.data) ? body.data : undefined;
      return data?.status === 'ok' ? undefined : `status ${String(data?.status)}`;
    }),
  ];
}
