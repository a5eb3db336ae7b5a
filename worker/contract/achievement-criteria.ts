import { z } from 'zod';

/** The criteria the achievements service knows how to evaluate. */
export const achievementCriteria = z.discriminatedUnion('type', [
  z.object({ type: z.literal('course_completion'), count: z.number().int().min(1).max(1000) }).strict(),
  z
    .object({
      type: z.literal('quiz_mastery'),
      minScore: z.number().int().min(0).max(100),
      count: z.number().int().min(1).max(1000),
    })
    .strict(),
  z.object({ type: z.literal('streak'), days: z.number().int().min(1).max(3650) }).strict(),
  z.object({ type: z.literal('participation'), lessons: z.number().int().min(1).max(100_000) }).strict(),
  // A hifz milestone: a surah (1-114) or a juz (1-30) memorised, or a number of whole juz (5, 10, … 30).
  z
    .object({
      type: z.literal('hifz_milestone'),
      kind: z.enum(['surah', 'juz', 'juz_count']),
      number: z.number().int().min(1).max(114),
    })
    .strict()
    .refine((c) => c.kind === 'surah' || c.number <= 30, { message: 'There are 30 juz', path: ['number'] }),
]);
export type AchievementCriteria = z.infer<typeof achievementCriteria>;
