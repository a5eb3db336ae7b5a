import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { coursePrerequisites, courses, instructors } from '../../db/schema';
import type { AuthUser } from '../env';
import { badRequest, forbidden, notFound } from '../lib/errors';
import type { Scope } from '../policy/permissions';

export type CourseRow = typeof courses.$inferSelect;

/** Drafts stay hidden from everyone but their owner and admins. */
export function courseScopePredicate(viewer: AuthUser | null, scopes: readonly Scope[]): SQL | undefined {
  if (scopes.includes('all')) return undefined;
  const parts: SQL[] = [];
  if (scopes.includes('published')) parts.push(eq(courses.isPublished, true));
  if (scopes.includes('own') && viewer) parts.push(eq(courses.createdById, viewer.id));
  return parts.length ? or(...parts) : sql`false`;
}

export function presentCourse(row: CourseRow) {
  const { coverImageId: _cover, instructorId: _instructor, createdById: _owner, ...attributes } = row;
  return {
    ...attributes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export async function listCourses(db: Database, viewer: AuthUser | null, scopes: readonly Scope[], page: { page: number; pageSize: number }) {
  const where = courseScopePredicate(viewer, scopes);
  // The total rides along as a window count: one round trip for the page and its pagination.
  const rows = await db
    .select({ course: courses, total: sql<number>`count(*) OVER ()`.mapWith(Number) })
    .from(courses)
    .where(where)
    .orderBy(desc(courses.createdAt), desc(courses.id))
    .offset((page.page - 1) * page.pageSize)
    .limit(page.pageSize);
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page.page > 1) {
    const [counted] = await db.select({ n: count() }).from(courses).where(where);
    total = counted?.n ?? 0;
  }
  return { rows: rows.map((r) => r.course), total };
}

export async function findVisibleCourse(db: Database, viewer: AuthUser | null, scopes: readonly Scope[], documentId: string): Promise<CourseRow> {
  const [row] = await db.select().from(courses).where(and(eq(courses.documentId, documentId), courseScopePredicate(viewer, scopes)));
  if (!row) throw notFound('Course not found');
  return row;
}

export interface CourseInput {
  title?: string;
  description?: string | null;
  category?: CourseRow['category'];
  ageTier?: CourseRow['ageTier'];
  difficulty?: CourseRow['difficulty'];
  isPublished?: boolean;
  estimatedDuration?: number | null;
  tags?: string[];
  instructor?: string | null;
  prerequisites?: string[];
}

async function resolveInstructor(db: Database, documentId: string | null | undefined): Promise<number | null | undefined> {
  if (documentId === undefined || documentId === null) return documentId;
  const [row] = await db.select({ id: instructors.id }).from(instructors).where(eq(instructors.documentId, documentId));
  if (!row) throw badRequest(`instructor ${documentId} does not exist`, { errors: [{ path: ['instructor'], message: 'unknown instructor' }] });
  return row.id;
}

async function replacePrerequisites(db: Database, courseId: number, documentIds: string[]): Promise<void> {
  const unique = [...new Set(documentIds)];
  const found = unique.length ? await db.select({ id: courses.id, documentId: courses.documentId }).from(courses).where(inArray(courses.documentId, unique)) : [];
  const missing = unique.filter((d) => !found.some((f) => f.documentId === d));
  if (missing.length) throw badRequest(`Unknown prerequisite courses: ${missing.join(', ')}`, { errors: [{ path: ['prerequisites'], message: 'unknown course' }] });
  if (found.some((f) => f.id === courseId)) throw badRequest('A course cannot be its own prerequisite');
  await db.delete(coursePrerequisites).where(eq(coursePrerequisites.courseId, courseId));
  if (found.length) await db.insert(coursePrerequisites).values(found.map((f) => ({ courseId, prerequisiteId: f.id })));
}

export async function createCourse(db: Database, actor: AuthUser, input: CourseInput & { title: string; category: CourseRow['category'] }): Promise<CourseRow> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const { instructor, prerequisites, ...fields } = input;
    const [row] = await tx
      .insert(courses)
      .values({
        ...fields,
        instructorId: await resolveInstructor(t, instructor),
        createdById: actor.id,
        publishedAt: input.isPublished ? new Date() : null,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    if (prerequisites) await replacePrerequisites(t, row.id, prerequisites);
    return row;
  });
}

/** Teachers edit only the courses they created; admins edit any. */
export async function updateCourse(db: Database, actor: AuthUser, updateScopes: readonly Scope[], course: CourseRow, input: CourseInput): Promise<CourseRow> {
  const mayUpdate = updateScopes.includes('all') || (updateScopes.includes('own') && course.createdById === actor.id);
  if (!mayUpdate) throw forbidden('You may only edit the courses you created');
  return db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    const { instructor, prerequisites, ...fields } = input;
    const publishing = input.isPublished === true && !course.isPublished;
    const [row] = await tx
      .update(courses)
      .set({
        ...fields,
        ...(instructor !== undefined && { instructorId: await resolveInstructor(t, instructor) }),
        ...(publishing && { publishedAt: new Date() }),
        ...(input.isPublished === false && { publishedAt: null }),
      })
      .where(eq(courses.id, course.id))
      .returning();
    if (!row) throw notFound('Course not found');
    if (prerequisites) await replacePrerequisites(t, row.id, prerequisites);
    return row;
  });
}

export async function deleteCourse(db: Database, course: CourseRow): Promise<void> {
  await db.delete(courses).where(eq(courses.id, course.id));
}
