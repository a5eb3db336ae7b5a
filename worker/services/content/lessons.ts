import { eq } from 'drizzle-orm';
import { createInsertSchema, createUpdateSchema } from 'drizzle-zod';
import { z } from 'zod';
import { PRIVATE_COLUMNS } from '../../contract/documents';
import { interactiveActivity } from '../../contract/interactive';
import { notWritable } from './write-schema';
import type { Database } from '../../../db/client';
import { lessonAttachments, lessons } from '../../../db/schema';
import { findWritable, resolveToMany, resolveToOne, toManyInput, toOneInput } from './relations';
import { badRequest } from '../../lib/errors';
import { sanitizeRichText } from '../../lib/rich-text/sanitize-html';
import { parseWith } from '../../lib/validation';
import type { DocumentWriter } from './document-writer';

const refine = {
  title: (s: z.ZodString) => s.trim().min(1),
  content: (s: z.ZodString) => s.max(500_000).transform(sanitizeRichText),
  order: (s: z.ZodInt) => s.min(0).max(10_000),
  duration: (s: z.ZodInt) => s.min(0).max(100_000),
  interactive: () => interactiveActivity.nullable(),
};
const hidden = notWritable(PRIVATE_COLUMNS.lessons);
const links = { course: toOneInput, media: toOneInput, attachments: toManyInput };
const createData = createInsertSchema(lessons, refine)
  .omit(hidden)
  .extend(links)
  .partial({ media: true, attachments: true })
  .strict();
const updateData = createUpdateSchema(lessons, refine).omit(hidden).extend(links).partial().strict();

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

const ACTIVITY_PATH = ['data', 'interactive'];

/**
 * An interactive lesson holds its activity (flashcards, put-in-order…, checked by its schema above);
 * no other type holds one. `type` and `interactive` are the lesson's values after the write.
 */
function checkActivity(type: string, interactive: unknown) {
  if (type === 'interactive' && interactive == null)
    throw badRequest('interactive: an interactive lesson needs its activity (kind "flashcards" or "order")', {
      errors: [{ path: ACTIVITY_PATH, message: 'Required for an interactive lesson', name: 'ValidationError' }],
    });
  if (type !== 'interactive' && interactive != null)
    throw badRequest(`interactive: only an interactive lesson holds an activity, not a lesson of type "${type}"`, {
      errors: [{ path: ACTIVITY_PATH, message: 'Only for interactive lessons', name: 'ValidationError' }],
    });
}

/** A teacher writes lessons only in their own courses (scope "own" resolves through the course). */
export const lessonWriter: DocumentWriter = {
  schemas: { create: createData, update: updateData },

  async create(db, actor, scopes, raw) {
    const data = parseWith(createData, raw, ['data']);
    checkActivity(data.type ?? 'article', data.interactive);
    return db.transaction(async (tx) => {
      const courseId = await resolveToOne(tx, 'courses', data.course, 'course', actor, scopes);
      if (courseId == null) throw badRequest('course: a lesson belongs to a course');
      const { course: _course, media, attachments, ...attributes } = data;
      const [row] = await tx
        .insert(lessons)
        .values({ ...attributes, courseId, mediaId: await resolveToOne(tx, 'files', media, 'media', actor) })
        .returning({ id: lessons.id, documentId: lessons.documentId });
      if (attachments) await setAttachments(tx, row!.id, attachments, actor);
      return row!.documentId;
    });
  },

  async update(db, actor, scopes, documentId, raw) {
    const data = parseWith(updateData, raw, ['data']);
    await db.transaction(async (tx) => {
      const id = await findWritable(tx, 'lessons', documentId, actor, scopes);
      // A lesson that stops being interactive drops its activity unless the write says otherwise.
      if (data.type !== undefined && data.type !== 'interactive' && data.interactive === undefined)
        data.interactive = null;
      if (data.type !== undefined || data.interactive !== undefined) {
        const [current] = await tx
          .select({ type: lessons.type, interactive: lessons.interactive })
          .from(lessons)
          .where(eq(lessons.id, id));
        const activity = data.interactive === undefined ? current!.interactive : data.interactive;
        checkActivity(data.type ?? current!.type, activity);
      }
      const { course, media, attachments, ...attributes } = data;
      const courseId = await resolveToOne(tx, 'courses', course, 'course', actor, scopes);
      if (courseId === null) throw badRequest('course: a lesson belongs to a course');
      const mediaId = await resolveToOne(tx, 'files', media, 'media', actor);
      await tx
        .update(lessons)
        .set({
          ...attributes,
          ...(courseId !== undefined && { courseId }),
          ...(mediaId !== undefined && { mediaId }),
          updatedAt: new Date(),
        })
        .where(eq(lessons.id, id));
      if (attachments) await setAttachments(tx, id, attachments, actor);
    });
  },

  async remove(db, actor, scopes, documentId) {
    const id = await findWritable(db, 'lessons', documentId, actor, scopes);
    await db.delete(lessons).where(eq(lessons.id, id));
  },
};
