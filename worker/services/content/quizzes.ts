import { eq } from 'drizzle-orm';
import { createInsertSchema, createUpdateSchema } from 'drizzle-zod';
import type { z } from 'zod';
import { PRIVATE_COLUMNS } from '../../contract/documents';
import { notWritable } from './write-schema';
import type { Database } from '../../../db/client';
import { quizzes } from '../../../db/schema';
import { findWritable, resolveToOne, toOneInput } from './relations';
import { quizQuestions } from '../../contract/quiz-questions';
import { parseWith } from '../../lib/validation';
import type { DocumentWriter } from './document-writer';

const refine = {
  title: (s: z.ZodString) => s.trim().min(1),
  questions: () => quizQuestions,
  timeLimit: (s: z.ZodInt) => s.positive().max(86_400),
  passingScore: (s: z.ZodInt) => s.min(0).max(100),
  attemptsAllowed: (s: z.ZodInt) => s.min(1).max(100),
  // Thirty days at most: a longer wait is a quiz that should be closed instead.
  attemptDelay: (s: z.ZodInt) => s.min(1).max(30 * 86_400),
};
const hidden = notWritable(PRIVATE_COLUMNS.quizzes);
const links = { lesson: toOneInput };
const createData = createInsertSchema(quizzes, refine).omit(hidden).extend(links).partial({ lesson: true }).strict();
const updateData = createUpdateSchema(quizzes, refine).omit(hidden).extend(links).partial({ lesson: true }).strict();

/** Teachers write quizzes for lessons of their own courses; the lesson link is one quiz per lesson. */
export const quizWriter: DocumentWriter = {
  schemas: { create: createData, update: updateData },

  async create(db, actor, scopes, raw) {
    const data = parseWith(createData, raw, ['data']);
    const { lesson, ...attributes } = data;
    const lessonId = await resolveToOne(db, 'lessons', lesson, 'lesson', actor, scopes);
    const [row] = await db
      .insert(quizzes)
      .values({ ...attributes, lessonId: lessonId ?? null, createdById: actor.id })
      .returning({ documentId: quizzes.documentId });
    return row!.documentId;
  },

  async update(db, actor, scopes, documentId, raw) {
    const data = parseWith(updateData, raw, ['data']);
    const id = await findWritable(db, 'quizzes', documentId, actor, scopes);
    const { lesson, ...attributes } = data;
    const lessonId = await resolveToOne(db, 'lessons', lesson, 'lesson', actor, scopes);
    await db
      .update(quizzes)
      .set({ ...attributes, ...(lessonId !== undefined && { lessonId }), updatedAt: new Date() })
      .where(eq(quizzes.id, id));
  },

  async remove(db: Database, actor, scopes, documentId) {
    const id = await findWritable(db, 'quizzes', documentId, actor, scopes);
    await db.delete(quizzes).where(eq(quizzes.id, id));
  },
};
