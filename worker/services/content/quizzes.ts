import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client';
import { quizzes } from '../../../db/schema';
import { findWritable, resolveToOne, toOneInput } from './relations';
import { quizQuestions } from '../../contract/quiz-questions';
import { parseWith } from '../../lib/validation';
import type { DocumentWriter } from '../../routes/content-routes';

const fields = z
  .object({
    title: z.string().trim().min(1).max(255),
    lesson: toOneInput,
    questions: quizQuestions,
    timeLimit: z.number().int().positive().max(86_400).nullable(),
    passingScore: z.number().int().min(0).max(100),
    randomizeQuestions: z.boolean(),
  })
  .strict();

/** Teachers write quizzes for lessons of their own courses; the lesson link is one quiz per lesson. */
export const quizWriter: DocumentWriter = {
  async create(db, actor, scopes, raw) {
    const data = parseWith(fields.partial().required({ title: true }), raw, ['data']);
    const { lesson, ...attributes } = data;
    const lessonId = await resolveToOne(db, 'lessons', lesson, 'lesson', actor, scopes);
    const [row] = await db
      .insert(quizzes)
      .values({ ...attributes, lessonId: lessonId ?? null, createdById: actor.id })
      .returning({ documentId: quizzes.documentId });
    return row!.documentId;
  },

  async update(db, actor, scopes, documentId, raw) {
    const data = parseWith(fields.partial(), raw, ['data']);
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
