// The hifz vocabulary as plain values, without zod: the app imports these at run time (grades, kinds of
// mistake) and must not pull the schemas' library into its pages.
export const HIFZ_GRADES = ['excellent', 'very_good', 'good', 'acceptable', 'needs_repeat'] as const;
export const HIFZ_CHECK_KINDS = ['sabaq', 'sabqi', 'manzil'] as const;
export const HIFZ_MISTAKE_TYPES = ['forgotten_word', 'wrong_word', 'tajweed', 'hesitation'] as const;
export const HIFZ_ATTENDANCE = ['present', 'absent', 'excused'] as const;
export type HifzGradeName = (typeof HIFZ_GRADES)[number];
export type HifzCheckKindName = (typeof HIFZ_CHECK_KINDS)[number];
export type HifzMistakeTypeName = (typeof HIFZ_MISTAKE_TYPES)[number];
