import { eq, sql } from 'drizzle-orm';
import { createInsertSchema, createUpdateSchema } from 'drizzle-zod';
import { z } from 'zod';
import type { Database } from '../../../db/client';
import { coursePrerequisites, courses } from '../../../db/schema';
import { PRIVATE_COLUMNS } from '../../contract/documents';
import type { AuthUser } from '../../env';
import { badRequest } from '../../lib/errors';
import { sanitizeRichText } from '../../lib/rich-text/sanitize-html';
import { parseWith } from '../../lib/validation';
import type { DocumentWriter } from './document-writer';
import { findWritable, resolveToMany, resolveToOne, toManyInput, toOneInput } from './relations';
import { notWritable } from './write-schema';

// What the table cannot say: titles are trimmed and not blank, and the shapes of JSON columns.
const refine = {
  title: (s: z.ZodString) => s.trim().min(1),
  description: (s: z.ZodString) => s.max(100_000).transform(sanitizeRichText),
  estimatedDuration: (s: z.ZodInt) => s.min(0).max(100_000),
  tags: () => z.array(z.string().trim().min(1).max(64)).max(50),
};
const hidden = notWritable(PRIVATE_COLUMNS.courses, ['publishedAt']);
const links = { instructor: toOneInput, coverImage: toOneInput, prerequisites: toManyInput };
const linksOptional = { instructor: true, coverImage: true, prerequisites: true } as const;
const createData = createInsertSchema(courses, refine).omit(hidden).extend(links).partial(linksOptional).strict();
const updateData = createUpdateSchema(courses, refine).omit(hidden).extend(links).partial().strict();

async function setPrerequisites(db: Database, courseId: number, input: z.infer<typeof toManyInput>, user: AuthUser) {
  const current = (
    await db
      .select({ id: coursePrerequisites.prerequisiteId })
      .from(coursePrerequisites)
      .where(eq(coursePrerequisites.courseId, courseId))
  ).map((r) => r.id);
  const ids = await resolveToMany(db, 'courses', input, current, 'prerequisites', user);
  if (ids.includes(courseId)) throw badRequest('prerequisites: a course cannot be its own prerequisite');
  await db.delete(coursePrerequisites).where(eq(coursePrerequisites.courseId, courseId));
  if (ids.length)
    await db.insert(coursePrerequisites).values(ids.map((prerequisiteId) => ({ courseId, prerequisiteId })));
}

/** Teachers create courses and edit their own; only admins delete. */
export const courseWriter: DocumentWriter = {
  schemas: { create: createData, update: updateData },

  async create(db, actor, _scopes, raw) {
    const data = parseWith(createData, raw, ['data']);
    return db.transaction(async (tx) => {
      const { instructor, coverImage, prerequisites, ...attributes } = data;
      const [row] = await tx
        .insert(courses)
        .values({
          ...attributes,
          instructorId: await resolveToOne(tx, 'instructors', instructor, 'instructor', actor),
          coverImageId: await resolveToOne(tx, 'files', coverImage, 'coverImage', actor),
          createdById: actor.id,
          publishedAt: data.isPublished ? new Date() : null,
        })
        .returning({ id: courses.id, documentId: courses.documentId });
      if (prerequisites) await setPrerequisites(tx, row!.id, prerequisites, actor);
      return row!.documentId;
    });
  },

  async update(db, actor, scopes, documentId, raw) {
    const data = parseWith(updateData, raw, ['data']);
    await db.transaction(async (tx) => {
      const id = await findWritable(tx, 'courses', documentId, actor, scopes);
      const { instructor, coverImage, prerequisites, ...attributes } = data;
      const instructorId = await resolveToOne(tx, 'instructors', instructor, 'instructor', actor);
      const coverImageId = await resolveToOne(tx, 'files', coverImage, 'coverImage', actor);
      await tx
        .update(courses)
        .set({
          ...attributes,
          ...(instructorId !== undefined && { instructorId }),
          ...(coverImageId !== undefined && { coverImageId }),
          // Publishing stamps the first publication; unpublishing clears it.
          ...(data.isPublished === true && { publishedAt: sql`coalesce(${courses.publishedAt}, now())` }),
          ...(data.isPublished === false && { publishedAt: null }),
          updatedAt: new Date(),
        })
        .where(eq(courses.id, id));
      if (prerequisites) await setPrerequisites(tx, id, prerequisites, actor);
    });
  },

  async remove(db, actor, scopes, documentId) {
    const id = await findWritable(db, 'courses', documentId, actor, scopes);
    await db.delete(courses).where(eq(courses.id, id));
  },
};
