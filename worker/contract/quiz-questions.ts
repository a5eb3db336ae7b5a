import { z } from 'zod';

const common = {
  id: z.string().trim().min(1).max(64),
  prompt: z.string().trim().min(1).max(5000),
  points: z.number().positive().max(100).default(1),
  explanation: z.string().max(5000).optional(),
};
const options = z.array(z.string().trim().min(1).max(1000)).min(2).max(20);

/** The question types a quiz may hold; `answer` is stripped from every response a student can see. */
export const quizQuestion = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('single_choice'), options, answer: z.number().int().min(0) }).strict(),
  z
    .object({ ...common, type: z.literal('multiple_choice'), options, answer: z.array(z.number().int().min(0)).min(1) })
    .strict(),
  z.object({ ...common, type: z.literal('true_false'), answer: z.boolean() }).strict(),
  z
    .object({
      ...common,
      type: z.literal('short_answer'),
      answer: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
      /** Also ignore Arabic diacritics (harakat) and tatweel when comparing. */
      ignoreDiacritics: z.boolean().default(true),
    })
    .strict(),
  z.object({ ...common, type: z.literal('ordering'), options, answer: z.array(z.number().int().min(0)) }).strict(),
]);

export type QuizQuestion = z.infer<typeof quizQuestion>;

/** Answers must point at options that exist; ordering answers must be a permutation of them. */
export const quizQuestions = z
  .array(quizQuestion)
  .max(200)
  .superRefine((questions, ctx) => {
    const ids = new Set<string>();
    questions.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate question id ${q.id}` });
      ids.add(q.id);
      const count = 'options' in q ? q.options.length : 0;
      const outOfRange = (n: number) => n >= count;
      if (q.type === 'single_choice' && outOfRange(q.answer))
        ctx.addIssue({ code: 'custom', path: [i, 'answer'], message: 'answer must be the index of an option' });
      if (q.type === 'multiple_choice' && (q.answer.some(outOfRange) || new Set(q.answer).size !== q.answer.length)) {
        ctx.addIssue({ code: 'custom', path: [i, 'answer'], message: 'answer must list distinct option indexes' });
      }
      if (
        q.type === 'ordering' &&
        (q.answer.length !== count || new Set(q.answer).size !== count || q.answer.some(outOfRange))
      ) {
        ctx.addIssue({ code: 'custom', path: [i, 'answer'], message: 'answer must order every option exactly once' });
      }
    });
  });
