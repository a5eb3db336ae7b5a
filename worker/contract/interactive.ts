import { z } from 'zod';

/**
 * What an interactive lesson holds (`lessons.interactive`), one shape per kind of activity. The lesson
 * writer refuses an interactive lesson whose data does not match; the app's players read the same types.
 * These are practice activities graded on the phone (nothing is scored on the server), so the data a
 * student receives includes the right order and the backs of the cards.
 */
/**
 * The sizes an activity may have. The lesson editor checks the same limits on the device before saving
 * (`app/src/lib/editor/activity-form.ts` declares its copy as this type, so a change here that the copy
 * does not follow is a type error there).
 */
export const INTERACTIVE_LIMITS = {
  cards: { min: 1, max: 200 },
  front: 500,
  back: 2000,
  prompt: 1000,
  items: { min: 2, max: 20 },
  item: 500,
} as const;
export type InteractiveLimits = typeof INTERACTIVE_LIMITS;
const L = INTERACTIVE_LIMITS;

const text = (max: number) => z.string().trim().min(1).max(max);
/** The language a piece of text is written in, so Arabic is set right to left in the Arabic font. */
const lang = z.enum(['ar', 'en']).optional();

/** Cards to learn by heart: the front shown first, the back revealed; the learner sorts them into "I knew it" and "again". */
export const flashcardsActivity = z
  .object({
    kind: z.literal('flashcards'),
    cards: z
      .array(z.object({ front: text(L.front), back: text(L.back), frontLang: lang, backLang: lang }).strict())
      .min(L.cards.min)
      .max(L.cards.max),
  })
  .strict();

/** Items listed in their right order; the player shuffles them and the learner puts them back in order. */
export const orderActivity = z
  .object({
    kind: z.literal('order'),
    prompt: text(L.prompt),
    items: z.array(text(L.item)).min(L.items.min).max(L.items.max),
    itemsLang: lang,
  })
  .strict()
  .refine((a) => new Set(a.items).size === a.items.length, {
    message: 'items must all be different, or their order is ambiguous',
    path: ['items'],
  });

export const interactiveActivity = z.discriminatedUnion('kind', [flashcardsActivity, orderActivity]);

export type FlashcardsActivity = z.infer<typeof flashcardsActivity>;
export type OrderActivity = z.infer<typeof orderActivity>;
export type InteractiveActivity = z.infer<typeof interactiveActivity>;
export type InteractiveKind = InteractiveActivity['kind'];
export const INTERACTIVE_KINDS = ['flashcards', 'order'] as const satisfies readonly InteractiveKind[];
