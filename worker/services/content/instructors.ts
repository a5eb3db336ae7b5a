import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { instructors } from '../../../db/schema';
import { findWritable, resolveToOne, toOneInput } from './relations';
import { parseWith } from '../../lib/validation';
import type { DocumentWriter } from '../../routes/content-routes';

const fields = z
  .object({
    name: z.string().trim().min(1).max(255),
    bio: z.string().max(20_000).nullable(),
    photo: toOneInput,
    qualifications: z.array(z.string().trim().min(1).max(255)).max(50),
    email: z.email().max(255).nullable(),
  })
  .strict();

/** Instructors are the school's staff directory: admins write it, everyone reads it. */
export const instructorWriter: DocumentWriter = {
  async create(db, actor, _scopes, raw) {
    const { photo, ...attributes } = parseWith(fields.partial().required({ name: true }), raw, ['data']);
    const [row] = await db
      .insert(instructors)
      .values({ ...attributes, photoId: await resolveToOne(db, 'files', photo, 'photo', actor) })
      .returning({ documentId: instructors.documentId });
    return row!.documentId;
  },

  async update(db, actor, scopes, documentId, raw) {
    const { photo, ...attributes } = parseWith(fields.partial(), raw, ['data']);
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
