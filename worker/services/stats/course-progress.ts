import type { CourseStats, LessonStats } from '../../contract/stats';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { readTogether } from '../../../db/request-database';

export interface CourseSelection {
  /** Only the courses this teacher owns (courses.created_by_id); undefined for every course. */
  ownerId?: number;
  /** Only this course (a documentId). */
  course?: string;
}

function courseFilter(selection: CourseSelection): SQL {
  const parts: SQL[] = [sql`true`];
  if (selection.ownerId !== undefined) parts.push(sql`c.created_by_id = ${selection.ownerId}`);
  if (selection.course !== undefined) parts.push(sql`c.document_id = ${selection.course}`);
  return sql.join(parts, sql` AND `);
}

export type CourseRow = {
  id: number;
  document_id: string;
  title: string;
  enrolled: number;
  in_progress: number;
  completed: number;
  dropped: number;
  average_progress: number | null;
  average_quiz_score: number | null;
};

export type LessonRow = {
  course_id: number;
  document_id: string;
  title: string;
  order: number;
  completed_by: number;
  average_quiz_score: number | null;
};

/**
 * Per-course statistics in two statements whatever the number of courses: one aggregates enrollments
 * and quiz scores per course, the other progress per lesson. Quiz scores are user_progresses.quiz_score,
 * each learner's best per quiz lesson.
 */
export function courseProgressStatements(selection: CourseSelection): [courses: SQL, lessons: SQL] {
  const where = courseFilter(selection);
  return [
    sql`
      WITH scoped AS (SELECT c.id, c.document_id, c.title FROM courses c WHERE ${where}),
      enrollment_stats AS (
        SELECT e.course_id,
               count(*) AS enrolled,
               count(*) FILTER (WHERE e.status = 'in_progress') AS in_progress,
               count(*) FILTER (WHERE e.status = 'completed') AS completed,
               count(*) FILTER (WHERE e.status = 'dropped') AS dropped,
               avg(e.progress) FILTER (WHERE e.status <> 'dropped') AS average_progress
        FROM course_enrollments e WHERE e.course_id IN (SELECT id FROM scoped)
        GROUP BY e.course_id
      ),
      quiz_stats AS (
        SELECT l.course_id, avg(up.quiz_score) AS average_quiz_score
        FROM user_progresses up JOIN lessons l ON l.id = up.lesson_id
        WHERE l.course_id IN (SELECT id FROM scoped) AND up.quiz_score IS NOT NULL
        GROUP BY l.course_id
      )
      SELECT s.id, s.document_id, s.title,
             coalesce(es.enrolled, 0)::int AS enrolled, coalesce(es.in_progress, 0)::int AS in_progress,
             coalesce(es.completed, 0)::int AS completed, coalesce(es.dropped, 0)::int AS dropped,
             round(es.average_progress, 1)::float8 AS average_progress,
             round(qs.average_quiz_score, 1)::float8 AS average_quiz_score
      FROM scoped s
      LEFT JOIN enrollment_stats es ON es.course_id = s.id
      LEFT JOIN quiz_stats qs ON qs.course_id = s.id
      ORDER BY s.title, s.id`,
    sql`
      SELECT l.course_id, l.document_id, l.title, l."order",
             count(*) FILTER (WHERE up.completed)::int AS completed_by,
             round(avg(up.quiz_score), 1)::float8 AS average_quiz_score
      FROM lessons l
      JOIN courses c ON c.id = l.course_id
      LEFT JOIN user_progresses up ON up.lesson_id = l.id
      WHERE ${where}
      GROUP BY l.id
      ORDER BY l.course_id, l."order", l.id`,
  ];
}

/** The statistics of the courses `selection` names, from the rows of courseProgressStatements. */
export function courseStats(courses: CourseRow[], lessons: LessonRow[]): CourseStats[] {
  const lessonsByCourse = new Map<number, LessonStats[]>();
  for (const row of lessons) {
    const list = lessonsByCourse.get(row.course_id) ?? [];
    list.push({
      lesson: { documentId: row.document_id, title: row.title, order: row.order },
      completedBy: row.completed_by,
      averageQuizScore: row.average_quiz_score,
    });
    lessonsByCourse.set(row.course_id, list);
  }
  return courses.map((row) => ({
    course: { documentId: row.document_id, title: row.title },
    enrolled: row.enrolled,
    inProgress: row.in_progress,
    completed: row.completed,
    dropped: row.dropped,
    averageProgress: row.average_progress,
    averageQuizScore: row.average_quiz_score,
    lessons: lessonsByCourse.get(row.id) ?? [],
  }));
}

export async function courseProgress(db: Database, selection: CourseSelection): Promise<CourseStats[]> {
  const [courses, lessons] = await readTogether<CourseRow, LessonRow>(db, ...courseProgressStatements(selection));
  return courseStats(courses, lessons);
}

/** Head counts for the whole school, in one statement. */
export const schoolTotalsStatement = sql`
    SELECT
      (SELECT count(*) FROM users u JOIN roles r ON r.id = u.role_id WHERE r.type = 'student')::int AS students,
      (SELECT count(*) FROM users u JOIN roles r ON r.id = u.role_id WHERE r.type = 'teacher')::int AS teachers,
      (SELECT count(*) FROM users u JOIN roles r ON r.id = u.role_id WHERE r.type = 'parent')::int AS parents,
      (SELECT count(*) FROM courses)::int AS courses,
      (SELECT count(*) FROM courses WHERE is_published)::int AS "publishedCourses",
      (SELECT count(*) FROM course_enrollments)::int AS enrollments,
      (SELECT count(*) FROM course_enrollments WHERE status = 'completed')::int AS completions`;
