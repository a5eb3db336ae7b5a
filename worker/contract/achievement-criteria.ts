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
  // Hifz milestones: a surah or a juz memorised, or a number of whole juz (services/hifz/milestones.ts).
  z.object({ type: z.literal('hifz_surah'), surah: z.number().int().min(1).max(114) }).strict(),
  z.object({ type: z.literal('hifz_juz'), juz: z.number().int().min(1).max(30) }).strict(),
  z.object({ type: z.literal('hifz_juz_count'), count: z.number().int().min(1).max(30) }).strict(),
]);
export type AchievementCriteria = z.infer<typeof achievementCriteria>;
