import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { AuthUser } from '../../env';
import { notFound } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';
import { readTogether } from '../../../db/request-database';
import type { SchoolTotals } from '../../contract/stats';
import {
  courseProgress,
  courseProgressStatements,
  courseStats,
  schoolTotalsStatement,
  type CourseRow,
  type LessonRow,
} from './course-progress';
import { learnerProgress } from './learner-progress';

/**
 * What a caller's progressStats scopes show them: a student their own learning ("own"), a parent their
 * children's ("children"), a teacher the courses they own ("students": their students, met through
 * their courses), an admin every course and the school's head counts ("all").
 */
export type ProgressView = 'self' | 'children' | 'ownCourses' | 'school';

export function progressView(scopes: readonly Scope[]): ProgressView {
  if (scopes.includes('all')) return 'school';
  if (scopes.includes('students')) return 'ownCourses';
  if (scopes.includes('children')) return 'children';
  return 'self';
}

export async function ownProgress(db: Database, viewer: AuthUser) {
  const [mine] = await learnerProgress(db, sql`u.id = ${viewer.id}`);
  if (!mine) throw notFound('User not found');
  return { courses: mine.courses, totals: mine.totals };
}

/** A child who is not linked to this parent is reported missing: the parent learns nothing about them. */
export async function childrenProgress(db: Database, viewer: AuthUser, child?: string) {
  const linked = sql`u.id IN (SELECT g.child_id FROM guardian_links g WHERE g.parent_id = ${viewer.id})`;
  const children = await learnerProgress(
    db,
    child === undefined ? linked : sql`${linked} AND u.document_id = ${child}`,
  );
  if (child !== undefined && children.length === 0) throw notFound(`No child ${child}`);
  return { children };
}

/** A course the teacher does not own is reported missing, like one that does not exist. */
export async function ownCoursesProgress(db: Database, viewer: AuthUser, course?: string) {
  const courses = await courseProgress(db, { ownerId: viewer.id, course });
  if (course !== undefined && courses.length === 0) throw notFound(`No course ${course}`);
  return { courses };
}

export async function schoolProgress(db: Database, course?: string) {
  const [courseRows, lessonRows, totals] = await readTogether<CourseRow, LessonRow, SchoolTotals>(
    db,
    ...courseProgressStatements({ course }),
    schoolTotalsStatement,
  );
  const courses = courseStats(courseRows, lessonRows);
  if (course !== undefined && courses.length === 0) throw notFound(`No course ${course}`);
  return { courses, school: totals[0]! };
}
