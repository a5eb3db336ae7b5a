import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { coursePrerequisites, courseEnrollments, courses, lessons, userProgresses } from '../../../db/schema';
import type { AuthUser } from '../../env';
import { ApiError, conflict, notFound } from '../../lib/errors';
import { courseVisibility } from '../../content/visibility';
import { scopesFor } from '../../policy/permissions';
import type { LearningLog } from './learning-log';
import { inLearningTransaction } from './run-learning';

export type CourseRef = {
  id: number;
  documentId: string;
  title: string;
};

/** A course the learner may enroll in: one they can see. Drafts are invisible, hence 404. */
export async function findEnrollableCourse(tx: Database, user: AuthUser, documentId: string): Promise<CourseRef> {
  const visible = courseVisibility('c', user, scopesFor(user.role, 'courses', 'findOne'));
  const rows = await tx.execute<CourseRef>(
    sql`SELECT c.id, c.document_id AS "documentId", c.title FROM courses c WHERE c.document_id = ${documentId} AND ${visible ?? sql`true`}`,
  );
  const course = rows.rows[0];
  if (!course) throw notFound(`No course ${documentId}`);
  return course;
}

/** The prerequisites of a course that the learner has not completed. */
export async function missingPrerequisites(
  tx: Database,
  userId: number,
  courseId: number,
): Promise<{ documentId: string; title: string }[]> {
  return tx
    .select({ documentId: courses.documentId, title: courses.title })
    .from(coursePrerequisites)
    .innerJoin(courses, eq(courses.id, coursePrerequisites.prerequisiteId))
    .leftJoin(
      courseEnrollments,
      and(
        eq(courseEnrollments.courseId, courses.id),
        eq(courseEnrollments.userId, userId),
        eq(courseEnrollments.status, 'completed'),
      ),
    )
    .where(and(eq(coursePrerequisites.courseId, courseId), sql`${courseEnrollments.id} IS NULL`))
    .orderBy(courses.title);
}

/**
 * Enrolls the learner, or brings back a dropped enrollment. Enrolling twice is not an error (a phone
 * may retry): the existing enrollment comes back with `created: false`.
 */
export async function enroll(
  tx: Database,
  user: AuthUser,
  course: CourseRef,
): Promise<{ id: number; documentId: string; created: boolean }> {
  const missing = await missingPrerequisites(tx, user.id, course.id);
  if (missing.length) {
    throw conflict(`Complete ${missing.map((m) => `“${m.title}”`).join(', ')} before enrolling in “${course.title}”`, {
      missingPrerequisites: missing,
    });
  }
  const inserted = await tx
    .insert(courseEnrollments)
    .values({ userId: user.id, courseId: course.id })
    .onConflictDoNothing()
    .returning({ id: courseEnrollments.id, documentId: courseEnrollments.documentId });
  if (inserted[0]) return { ...inserted[0], created: true };
  const [existing] = await tx
    .update(courseEnrollments)
    .set({
      status: sql`CASE WHEN ${courseEnrollments.status} = 'dropped' THEN (CASE WHEN ${courseEnrollments.completedAt} IS NOT NULL THEN 'completed' WHEN ${courseEnrollments.progress} > 0 THEN 'in_progress' ELSE 'enrolled' END)::enrollment_status ELSE ${courseEnrollments.status} END`,
      updatedAt: new Date(),
    })
    .where(and(eq(courseEnrollments.userId, user.id), eq(courseEnrollments.courseId, course.id)))
    .returning({ id: courseEnrollments.id, documentId: courseEnrollments.documentId });
  return { ...existing!, created: false };
}

/** Dropping keeps the record (and its progress) so that re-enrolling picks up where the learner was. */
export async function setEnrollmentStatus(
  tx: Database,
  user: AuthUser,
  documentId: string,
  status: 'dropped' | 'enrolled',
): Promise<void> {
  const [row] = await tx.select().from(courseEnrollments).where(eq(courseEnrollments.documentId, documentId));
  if (!row || row.userId !== user.id) throw notFound(`No enrollment ${documentId}`);
  if (status === 'dropped') {
    if (row.status === 'completed') throw new ApiError(409, 'ConflictError', 'A completed course cannot be dropped');
    await tx
      .update(courseEnrollments)
      .set({ status: 'dropped', updatedAt: new Date() })
      .where(eq(courseEnrollments.id, row.id));
    return;
  }
  const [course] = await tx
    .select({ id: courses.id, documentId: courses.documentId, title: courses.title })
    .from(courses)
    .where(eq(courses.id, row.courseId));
  await enroll(tx, user, course!);
}

/**
 * The enrollment update that follows lesson completion, over a `counts` relation (course_id, total, done,
 * started) and a `before` one (the enrollment as it was, locked: id, status, completed_at) of the statement
 * it is part of: progress is the share of the course's lessons completed; status moves enrolled →
 * in_progress → completed (a dropped one stays dropped until finished); completed_at is set once and never
 * moved. Returns the SET list and the RETURNING list ("completedNow", course).
 */
export function enrollmentRefresh(now: Date) {
  const complete = sql`(counts.total > 0 AND counts.done = counts.total)`;
  return {
    set: sql`
      -- Finishing every lesson completes even a dropped course: the learner did the work.
      progress = GREATEST(
        CASE WHEN counts.total = 0 THEN 0 ELSE (100 * counts.done) / counts.total END,
        CASE WHEN before.completed_at IS NULL THEN 0 ELSE 100 END),
      status = (CASE
        WHEN ${complete} OR before.completed_at IS NOT NULL THEN 'completed'
        WHEN before.status = 'dropped' THEN 'dropped'
        WHEN counts.started > 0 THEN 'in_progress'
        ELSE 'enrolled' END)::enrollment_status,
      completed_at = CASE WHEN ${complete} AND before.completed_at IS NULL THEN ${now} ELSE before.completed_at END,
      updated_at = ${now}`,
    returning: sql`${complete} AND before.completed_at IS NULL AS "completedNow",
      CASE WHEN ${complete} AND before.completed_at IS NULL THEN
        (SELECT json_build_object('documentId', c.document_id, 'title', c.title) FROM courses AS c WHERE c.id = e.course_id)
      END AS course`,
  };
}

/**
 * Derives an enrollment from lesson completion (enrollmentRefresh). One statement (a learning write pays
 * for each round trip in its transaction): the counts, the enrollment as it was (locked), the update, and
 * the course when this made it complete.
 */
export async function refreshEnrollment(
  tx: Database,
  userId: number,
  courseId: number,
  log: LearningLog,
  now = new Date(),
): Promise<void> {
  const refresh = enrollmentRefresh(now);
  const { rows } = await tx.execute<{
    completedNow: boolean;
    course: { documentId: string; title: string } | null;
  }>(sql`
    WITH counts AS (
      SELECT count(*)::int AS total,
        count(*) FILTER (WHERE ${userProgresses.completed})::int AS done,
        count(*) FILTER (WHERE ${userProgresses.progress} > 0 OR ${userProgresses.completed})::int AS started
      FROM ${lessons} LEFT JOIN ${userProgresses}
        ON ${userProgresses.lessonId} = ${lessons.id} AND ${userProgresses.userId} = ${userId}
      WHERE ${lessons.courseId} = ${courseId}
    ), before AS (
      SELECT id, status, completed_at FROM course_enrollments
      WHERE user_id = ${userId} AND course_id = ${courseId}
      FOR UPDATE
    )
    UPDATE course_enrollments AS e SET ${refresh.set}
    FROM counts, before
    WHERE e.id = before.id
    RETURNING ${refresh.returning}`);
  const [result] = rows;
  if (result?.completedNow && result.course) log.add({ kind: 'course_completed', course: result.course });
}

/** A learner enrolls in a course (by documentId): one learning transaction, recorded as xAPI "registered". */
export async function enrollInCourse(db: Database, user: AuthUser, courseDocumentId: string, origin: string) {
  const { result } = await inLearningTransaction(db, user, origin, async (tx) =>
    enroll(tx, user, await findEnrollableCourse(tx, user, courseDocumentId)),
  );
  return result;
}

/** A learner drops a course, or comes back to it. */
export async function changeEnrollmentStatus(
  db: Database,
  user: AuthUser,
  documentId: string,
  status: 'dropped' | 'enrolled',
  origin: string,
): Promise<void> {
  await inLearningTransaction(db, user, origin, (tx) => setEnrollmentStatus(tx, user, documentId, status));
}
