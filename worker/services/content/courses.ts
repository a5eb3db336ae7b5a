import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client';
import { coursePrerequisites, courses } from '../../../db/schema';
import { ageTier, courseCategory, difficulty } from '../../../db/schema/enums';
import { findWritable, resolveToMany, resolveToOne, toManyInput, toOneInput } from './relations';
import { badRequest } from '../../lib/errors';
import { parseWith } from '../../lib/validation';
import type { DocumentWriter } from '../../routes/content-routes';

const fields = z
  .object({
    title: z.string().trim().min(1).max(255),
    description: z.string().max(100_000).nullable(),
    category: z.enum(courseCategory.enumValues),
    ageTier: z.enum(ageTier.enumValues),
    difficulty: z.enum(difficulty.enumValues),
    isPublished: z.boolean(),
    estimatedDuration: z.number().int().min(0).max(100_000).nullable(),
    tags: z.array(z.string().trim().min(1).max(64)).max(50),
    instructor: toOneInput,
    coverImage: toOneInput,
    prerequisites: toManyInput,
  })
  .strict();

const createData = fields.partial().required({ title: true, category: true });
const updateData = fields.partial();

async function setPrerequisites(
  db: Database,
  courseId: number,
  input: z.infer<typeof toManyInput>,
  user: Parameters<DocumentWriter['create']>[1],
) {
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

/** Teachers create courses and edit their own; only admins delete (the seed's matrix). */
export const courseWriter: DocumentWriter = {
  async create(db, actor, _scopes, raw) {
    const data = parseWith(createData, raw, ['data']);
    return db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const { instructor, coverImage, prerequisites, ...attributes } = data;
      const [row] = await tx
        .insert(courses)
        .values({
          ...attributes,
          instructorId: await resolveToOne(t, 'instructors', instructor, 'instructor', actor),
          coverImageId: await resolveToOne(t, 'files', coverImage, 'coverImage', actor),
          createdById: actor.id,
          publishedAt: data.isPublished ? new Date() : null,
        })
        .returning({ id: courses.id, documentId: courses.documentId });
      if (prerequisites) await setPrerequisites(t, row!.id, prerequisites, actor);
      return row!.documentId;
    });
  },

  async update(db, actor, scopes, documentId, raw) {
    const data = parseWith(updateData, raw, ['data']);
    await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const id = await findWritable(t, 'courses', documentId, actor, scopes);
      const { instructor, coverImage, prerequisites, ...attributes } = data;
      const instructorId = await resolveToOne(t, 'instructors', instructor, 'instructor', actor);
      const coverImageId = await resolveToOne(t, 'files', coverImage, 'coverImage', actor);
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
      if (prerequisites) await setPrerequisites(t, id, prerequisites, actor);
    });
  },

  async remove(db, actor, scopes, documentId) {
    const id = await findWritable(db, 'courses', documentId, actor, scopes);
    await db.delete(courses).where(eq(courses.id, id));
  },
};
