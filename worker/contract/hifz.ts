import { z } from 'zod';

/**
 * The hifz API (/api/hifz/...): plans, the daily sitting with its sabaq / sabqi / manzil checks, recitations
 * recorded at home, and what follows from them (today's proposal, the Quran map, the class view).
 *
 * Ranges travel as text a teacher would type and the worker parses ("78:1-40", "An-Naba", "juz 30",
 * Arabic digits too); words as "surah:ayah:word". Answers name ayahs by `surah:ayah` labels and keep the
 * global ayah ids (1..6236) beside them, the index the PWA's Quran file uses.
 */

export const HIFZ_GRADES = ['excellent', 'very_good', 'good', 'acceptable', 'needs_repeat'] as const;
export const HIFZ_CHECK_KINDS = ['sabaq', 'sabqi', 'manzil'] as const;
export const HIFZ_MISTAKE_TYPES = ['forgotten_word', 'wrong_word', 'tajweed', 'hesitation'] as const;
export const HIFZ_ATTENDANCE = ['present', 'absent', 'excused'] as const;
export type HifzGradeName = (typeof HIFZ_GRADES)[number];
export type HifzCheckKindName = (typeof HIFZ_CHECK_KINDS)[number];
export type HifzMistakeTypeName = (typeof HIFZ_MISTAKE_TYPES)[number];

const note = z.string().trim().max(2_000).nullish();
const clientId = z.string().uuid();
const rangeText = z.string().trim().min(1).max(80);
const wordRefText = z.string().trim().min(1).max(20);
/** A calendar day, YYYY-MM-DD, that exists. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a day as YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(day).toISOString().startsWith(day), {
    message: 'That day does not exist',
  });

/** PUT /api/hifz/plans/:student */
export const hifzPlanBody = z
  .object({
    data: z
      .object({
        direction: z.enum(['reverse', 'forward']),
        /** Where new memorisation starts, e.g. "114:1" or "An-Nas" (its first ayah). */
        start: rangeText,
        newAmount: z.number().int().min(1).max(300),
        newUnit: z.enum(['lines', 'ayahs', 'half_pages']),
        sabqiDays: z.number().int().min(0).max(60),
        manzilAmount: z.number().int().min(1).max(604),
        manzilUnit: z.enum(['pages', 'quarters', 'hizb', 'juz']),
        /** Admins only: the teacher who hears the student (a teacher setting a plan becomes it). */
        teacher: z.string().min(1).max(24).nullish(),
      })
      .strict(),
  })
  .strict();
export type HifzPlanInput = z.infer<typeof hifzPlanBody>['data'];

export const hifzMistakeBody = z
  .object({
    clientId,
    /** "surah:ayah:word", or "surah:ayah" for the whole ayah. */
    at: wordRefText,
    type: z.enum(HIFZ_MISTAKE_TYPES),
    note,
  })
  .strict();

export const hifzCheckBody = z
  .object({
    clientId,
    kind: z.enum(HIFZ_CHECK_KINDS),
    range: rangeText,
    grade: z.enum(HIFZ_GRADES),
    note,
    mistakes: z.array(hifzMistakeBody).max(500).default([]),
  })
  .strict();

/** POST /api/hifz/sessions: one sitting, sent again unchanged (or with more checks) after a dropped connection. */
export const hifzSessionBody = z
  .object({
    data: z
      .object({
        clientId,
        student: z.string().min(1).max(24),
        heldOn: calendarDay,
        attendance: z.enum(HIFZ_ATTENDANCE).default('present'),
        note,
        recordedOffline: z.boolean().default(false),
        recordedAt: z.string().datetime({ offset: true }),
        checks: z.array(hifzCheckBody).max(3 * 10),
      })
      .strict(),
  })
  .strict();
export type HifzSessionInput = z.infer<typeof hifzSessionBody>['data'];

/** The audio types a phone's MediaRecorder gives (Opus in WebM or Ogg, AAC in MP4). */
export const RECITATION_MIME_TYPES = ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/aac', 'audio/mpeg'] as const;
/** Recordings are a few minutes of speech: 40 MiB is an hour of Opus with room to spare. */
export const MAX_RECITATION_BYTES = 40 * 1024 * 1024;

/** POST /api/hifz/recitations: starts (or, with the same client id, resumes) a recording's upload. */
export const hifzRecitationBody = z
  .object({
    data: z
      .object({
        clientId,
        kind: z.enum(HIFZ_CHECK_KINDS).nullish(),
        range: rangeText,
        /** "audio/webm;codecs=opus" is accepted as audio/webm. */
        mime: z.string().trim().max(127),
        size: z.number().int().positive().max(MAX_RECITATION_BYTES),
        durationMs: z
          .number()
          .int()
          .positive()
          .max(3 * 60 * 60 * 1000)
          .nullish(),
        recordedAt: z.string().datetime({ offset: true }),
      })
      .strict(),
  })
  .strict();
export type HifzRecitationInput = z.infer<typeof hifzRecitationBody>['data'];

/** POST /api/hifz/recitations/:id/grade */
export const hifzRecitationGradeBody = z
  .object({
    data: z
      .object({
        grade: z.enum(HIFZ_GRADES),
        note,
        mistakes: z.array(hifzMistakeBody).max(500).default([]),
      })
      .strict(),
  })
  .strict();

// ---- Answers ----------------------------------------------------------------------------------------------

export interface HifzStudentRef {
  documentId: string;
  username: string;
  fullName: string | null;
}

/** A range as answered: the global ids and how a person writes it. */
export interface HifzRange {
  from: number;
  to: number;
  label: string;
}

export interface HifzPlan {
  documentId: string;
  student: HifzStudentRef;
  teacher: HifzStudentRef | null;
  direction: 'reverse' | 'forward';
  start: HifzRange;
  newAmount: number;
  newUnit: 'lines' | 'ayahs' | 'half_pages';
  sabqiDays: number;
  manzilAmount: number;
  manzilUnit: 'pages' | 'quarters' | 'hizb' | 'juz';
  updatedAt: string;
}

export interface HifzToday {
  day: string;
  plan: HifzPlan;
  sabaq: { range: HifzRange; repeat: boolean } | null;
  sabqi: HifzRange[];
  manzil: { ranges: HifzRange[]; division: string; first: number; last: number; repeat: boolean } | null;
  complete: boolean;
}

export interface HifzMistake {
  clientId: string;
  ayahId: number;
  /** "2:255:3", or "2:255" for the whole ayah. */
  at: string;
  word: number | null;
  type: HifzMistakeTypeName;
  note: string | null;
}

export interface HifzCheck {
  documentId: string;
  clientId: string;
  kind: HifzCheckKindName;
  range: HifzRange;
  grade: HifzGradeName;
  note: string | null;
  mistakes: HifzMistake[];
}

export interface HifzSession {
  documentId: string;
  clientId: string;
  student: HifzStudentRef;
  teacher: HifzStudentRef | null;
  heldOn: string;
  attendance: (typeof HIFZ_ATTENDANCE)[number];
  note: string | null;
  recordedOffline: boolean;
  recordedAt: string;
  checks: HifzCheck[];
}

/** POST /api/hifz/sessions: `duplicate` when everything sent was already stored. */
export interface RecordedHifzSession {
  status: 'created' | 'duplicate';
  session: HifzSession;
  milestones: HifzMilestone[];
}

export interface HifzMilestone {
  kind: 'surah' | 'juz' | 'juz_count';
  number: number;
  reachedOn?: string;
  /** "Surah An-Naba", "Juz 30", "5 juz". */
  label: string;
}

export interface HifzRecitation {
  documentId: string;
  clientId: string;
  student: HifzStudentRef;
  kind: HifzCheckKindName | null;
  range: HifzRange;
  mime: string;
  size: number | null;
  durationMs: number | null;
  status: 'uploading' | 'submitted' | 'graded';
  recordedAt: string;
  grade: HifzGradeName | null;
  gradedBy: HifzStudentRef | null;
  gradedAt: string | null;
  note: string | null;
  mistakes: HifzMistake[];
  /** While uploading: the parts the server holds, and the size of each part to send. */
  upload: { partBytes: number; parts: number; received: number[] } | null;
  /** Once submitted: where the audio is (signed-in, private, Range requests). */
  audioUrl: string | null;
}

export interface HifzMapCell {
  juz: number;
  surah: number;
  from: number;
  to: number;
  ayahs: number;
  memorised: number;
  strength: number | null;
  level: 'strong' | 'fair' | 'weak' | 'unheard' | 'not_memorised';
  weakAyahs: number;
}

/** GET /api/hifz/students/:student/progress */
export interface HifzProgress {
  student: HifzStudentRef;
  day: string;
  memorisedAyahs: number;
  memorisedJuz: number;
  cells: HifzMapCell[];
  weakAyahs: { ayahId: number; label: string; strength: number | null; lastHeard: string | null }[];
  daysPresent: { last7: number; last30: number };
  milestones: HifzMilestone[];
}

/** GET /api/hifz/students/:student/week: the parent's weekly summary. */
export interface HifzWeek {
  student: HifzStudentRef;
  from: string;
  to: string;
  daysPresent: number;
  daysAbsent: number;
  newAyahs: number;
  checks: { kind: HifzCheckKindName; heldOn: string; range: HifzRange; grade: HifzGradeName; mistakes: number }[];
  mistakesByType: Record<HifzMistakeTypeName, number>;
  milestones: HifzMilestone[];
}

/** GET /api/hifz/class: one row per student the teacher hears. */
export interface HifzClassRow {
  student: HifzStudentRef;
  lastHeard: string | null;
  heardThisWeek: boolean;
  /** No accepted sabaq for more than the plan allows (see worker/services/hifz/class-view.ts). */
  behindPlan: boolean;
  daysSinceSabaq: number | null;
  sabaqToday: HifzRange | null;
  recitationsToGrade: number;
}
