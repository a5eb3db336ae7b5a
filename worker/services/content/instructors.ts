import { eq } from 'drizzle-orm';
import { createInsertSchema, createUpdateSchema } from 'drizzle-zod';
import { z } from 'zod';
import { PRIVATE_COLUMNS } from '../../contract/documents';
import { notWritable } from './write-schema';
import { instructors } from '../../../db/schema';
import { findWritable, resolveToOne, toOneInput } from './relations';
import { sanitizeRichText } from '../../lib/rich-text/sanitize-html';
import { parseWith } from '../../lib/validation';
import type { DocumentWriter } from './document-writer';

const refine = {
  name: (s: z.ZodString) => s.trim().min(1),
  bio: (s: z.ZodString) => s.max(20_000).transform(sanitizeRichText),
  qualifications: () => z.array(z.string().trim().min(1).max(255)).max(50),
  email: () => z.email().max(255),
};
const hidden = notWritable(PRIVATE_COLUMNS.instructors);
const links = { photo: toOneInput };
const createData = createInsertSchema(instructors, refine).omit(hidden).extend(links).partial({ photo: true }).strict();
const updateData = createUpdateSchema(instructors, refine).omit(hidden).extend(links).partial({ photo: true }).strict();

/** Instructors are the school's staff directory: admins write it, everyone reads it. */
export const instructorWriter: DocumentWriter = {
  schemas: { create: createData, update: updateData },

  async create(db, actor, _scopes, raw) {
    const { photo, ...attributes } = parseWith(createData, raw, ['data']);
    const [row] = await db
      .insert(instructors)
      .values({ ...attributes, photoId: await resolveToOne(db, 'files', photo, 'photo', actor) })
      .returning({ documentId: instructors.documentId });
    return row!.documentId;
  },

  async update(db, actor, scopes, documentId, raw) {
    const { photo, ...attributes } = parseWith(updateData, raw, ['data']);
    const id = await findWritable(db, 'instructors', documentId, actor, scopes);
    const photoId = await resolveToOne(db, 'files', photo, 'photo', actor);
    await db
      .update(instructors)
      .set({ ...attributes, ...(photoId !== undefined && { photoId }), updatedAt: new Date() })
      .where(eq(instructors.id, id));
  },

  async remove(db, actor, scopes, documentId) {
    const id = await findWritable(db, 'instructors', documentId, actor, scopes);
    await db.delete(instructors).where(eq(instructors.id, id));
  },
};
