import { eq } from 'drizzle-orm';
import { createInsertSchema, createUpdateSchema } from 'drizzle-zod';
import { z } from 'zod';
import { PRIVATE_COLUMNS } from '../../contract/documents';
import { notWritable } from './write-schema';
import { achievementCriteria } from '../../contract/achievement-criteria';
import { achievements } from '../../../db/schema';
import { findWritable, resolveToOne, toOneInput } from './relations';
import { badRequest } from '../../lib/errors';
import { sanitizeRichText } from '../../lib/rich-text/sanitize-html';
import { parseWith } from '../../lib/validation';
import type { DocumentWriter } from './document-writer';

const refine = {
  title: (s: z.ZodString) => s.trim().min(1),
  description: (s: z.ZodString) => s.max(5000).transform(sanitizeRichText),
  criteria: () => achievementCriteria,
  points: (s: z.ZodInt) => s.min(0).max(100_000),
};
const hidden = notWritable(PRIVATE_COLUMNS.achievements);
const links = { icon: toOneInput };
const createData = createInsertSchema(achievements, refine).omit(hidden).extend(links).partial({ icon: true }).strict();
const updateData = createUpdateSchema(achievements, refine).omit(hidden).extend(links).partial({ icon: true }).strict();

function checkCategory(data: { criteria?: { type: string }; category?: string }) {
  if (data.criteria && data.category && data.criteria.type !== data.category) {
    throw badRequest(`criteria.type (${data.criteria.type}) must match category (${data.category})`, {
      errors: [{ path: ['data', 'criteria', 'type'], message: 'must match category' }],
    });
  }
}

/** Teachers may add achievements; changing or removing them is for admins. */
export const achievementWriter: DocumentWriter = {
  schemas: { create: createData, update: updateData },

  async create(db, actor, _scopes, raw) {
    const data = parseWith(createData, raw, ['data']);
    checkCategory(data);
    const { icon, ...attributes } = data;
    const [row] = await db
      .insert(achievements)
      .values({ ...attributes, iconId: await resolveToOne(db, 'files', icon, 'icon', actor), createdById: actor.id })
      .returning({ documentId: achievements.documentId });
    return row!.documentId;
  },

  async update(db, actor, scopes, documentId, raw) {
    const data = parseWith(updateData, raw, ['data']);
    checkCategory(data);
    const id = await findWritable(db, 'achievements', documentId, actor, scopes);
    const { icon, ...attributes } = data;
    const iconId = await resolveToOne(db, 'files', icon, 'icon', actor);
    await db
      .update(achievements)
      .set({ ...attributes, ...(iconId !== undefined && { iconId }), updatedAt: new Date() })
      .where(eq(achievements.id, id));
  },

  async remove(db, actor, scopes, documentId) {
    const id = await findWritable(db, 'achievements', documentId, actor, scopes);
    await db.delete(achievements).where(eq(achievements.id, id));
  },
};
