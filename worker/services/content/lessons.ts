import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client';
import { lessonAttachments, lessons } from '../../../db/schema';
import { lessonType } from '../../../db/schema/enums';
import { findWritable, resolveToMany, resolveToOne, toManyInput, toOneInput } from './relations';
import { badRequest } from '../../lib/errors';
import { parseWith } from '../../lib/validation';
import type { DocumentWriter } from '../../routes/content-routes';

const fields = z
  .object({
    title: z.string().trim().min(1).max(255),
    content: z.string().max(500_000).nullable(),
    type: z.enum(lessonType.enumValues),
    course: toOneInput,
    order: z.number().int().min(0).max(10_000),
    duration: z.number().int().min(0).max(100_000).nullable(),
    isLocked: z.boolean(),
    media: toOneInput,
    attachments: toManyInput,
  })
  .strict();

async function setAttachments(
  db: Database,
  lessonId: number,
  input: z.infer<typeof toManyInput>,
  actor: Parameters<DocumentWriter['create']>[1],
) {
  const current = (
    await db
      .select({ id: lessonAttachments.fileId })
      .from(lessonAttachments)
      .where(eq(lessonAttachments.lessonId, lessonId))
      .orderBy(lessonAttachments.position)
  ).map((r) => r.id);
  const ids = await resolveToMany(db, 'files', input, current, 'attachments', actor);
  await db.delete(lessonAttachments).where(eq(lessonAttachments.lessonId, lessonId));
  if (ids.length)
    await db.insert(lessonAttachments).values(ids.map((fileId, position) => ({ lessonId, fileId, position })));
}

/** A teacher writes lessons only in their own courses (scope "own" resolves through the course). */
export const lessonWriter: DocumentWriter = {
  async create(db, actor, scopes, raw) {
    const data = parseWith(fields.partial().required({ title: true, course: true }), raw, ['data']);
    return db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const courseId = await resolveToOne(t, 'courses', data.course, 'course', actor, scopes);
      if (courseId == null) throw badRequest('course: a lesson belongs to a course');
      const { course: _course, media, attachments, ...attributes } = data;
      const [row] = await tx
        .insert(lessons)
        .values({ ...attributes, courseId, mediaId: await resolveToOne(t, 'files', media, 'media', actor) })
        .returning({ id: lessons.id, documentId: lessons.documentId });
      if (attachments) await setAttachments(t, row!.id, attachments, actor);
      return row!.documentId;
    });
  },

  async update(db, actor, scopes, documentId, raw) {
    const data = parseWith(fields.partial(), raw, ['data']);
    await db.transaction(async (tx) => {
      const t = tx as unknown as Database;
      const id = await findWritable(t, 'lessons', documentId, actor, scopes);
      const { course, media, attachments, ...attributes } = data;
      const courseId = await resolveToOne(t, 'courses', course, 'course', actor, scopes);
      if (courseId === null) throw badRequest('course: a lesson belongs to a course');
      const mediaId = await resolveToOne(t, 'files', media, 'media', actor);
      await tx
        .update(lessons)
        .set({
          ...attributes,
          ...(courseId !== undefined && { courseId }),
          ...(mediaId !== undefined && { mediaId }),
          updatedAt: new Date(),
        })
        .where(eq(lessons.id, id));
      if (attachments) await setAttachments(t, id, attachments, actor);
    });
  },

  async remove(db, actor, scopes, documentId) {
    const id = await findWritable(db, 'lessons', documentId, actor, scopes);
    await db.delete(lessons).where(eq(lessons.id, id));
  },
};
