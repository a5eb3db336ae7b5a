// The teacher's hifz plan form as plain data: what the fields hold (text while typed, so a half-typed number
// is kept), the checks the server would make, and the body of PUT /api/hifz/plans/:student. The contract's
// schema is a runtime value the app may not import, so its limits are written here; plan-form.test.ts holds
// them to the contract's schema, so the two cannot drift apart unnoticed.
import type { HifzPlan, HifzPlanInput } from '$contract/hifz';
import { every } from '$lib/exhaustive-list';

export type PlanDirection = HifzPlan['direction'];
export type NewUnit = HifzPlan['newUnit'];
export type ManzilUnit = HifzPlan['manzilUnit'];

export const PLAN_DIRECTIONS = every<PlanDirection>()(['reverse', 'forward']);
export const NEW_UNITS = every<NewUnit>()(['lines', 'ayahs', 'half_pages']);
export const MANZIL_UNITS = every<ManzilUnit>()(['juz', 'hizb', 'quarters', 'pages']);

/** worker/contract/hifz.ts `hifzPlanBody`: whole numbers within these bounds, a start of at most 80 characters. */
export const PLAN_LIMITS = {
  newAmount: { min: 1, max: 300 },
  sabqiDays: { min: 0, max: 60 },
  manzilAmount: { min: 1, max: 604 },
  startLength: 80,
} as const;

/** The Madani mushaf's divisions: a day's manzil cannot be more than the whole Quran (the server checks it too). */
export const MANZIL_MAX: Record<ManzilUnit, number> = { juz: 30, hizb: 60, quarters: 240, pages: 604 };

/** Where each direction usually starts: An-Nas for children going up from juz 30, Al-Baqarah going forward. */
export const DEFAULT_START: Record<PlanDirection, string> = { reverse: '114:1', forward: '2:1' };

export interface PlanDraft {
  direction: PlanDirection;
  start: string;
  newAmount: string;
  newUnit: NewUnit;
  sabqiDays: string;
  manzilAmount: string;
  manzilUnit: ManzilUnit;
  /** Admins only: the teacher's documentId, '' for none. Absent for a teacher, who becomes the plan's teacher. */
  teacher?: string;
}

export type PlanField = keyof PlanDraft;

export type PlanProblem =
  | { field: PlanField; kind: 'required' }
  | { field: PlanField; kind: 'range'; min: number; max: number }
  | { field: PlanField; kind: 'tooLong'; max: number };

/**
 * The form for the student's current plan, or a new plan as most children start: An-Nas upward. An admin
 * also chooses the teacher who hears the student.
 */
export function planDraftOf(plan: HifzPlan | null, { chooseTeacher = false } = {}): PlanDraft {
  const teacher = chooseTeacher ? { teacher: plan?.teacher?.documentId ?? '' } : {};
  if (!plan)
    return {
      ...teacher,
      direction: 'reverse',
      start: DEFAULT_START.reverse,
      newAmount: '5',
      newUnit: 'lines',
      sabqiDays: '7',
      manzilAmount: '1',
      manzilUnit: 'juz',
    };
  return {
    ...teacher,
    direction: plan.direction,
    start: plan.start.label,
    newAmount: String(plan.newAmount),
    newUnit: plan.newUnit,
    sabqiDays: String(plan.sabqiDays),
    manzilAmount: String(plan.manzilAmount),
    manzilUnit: plan.manzilUnit,
  };
}

/** Turning the direction moves a start still at the other direction's usual place; a start the teacher typed stays. */
export function withDirection(draft: PlanDraft, direction: PlanDirection): PlanDraft {
  const untouched = draft.start.trim() === '' || draft.start.trim() === DEFAULT_START[draft.direction];
  return { ...draft, direction, start: untouched ? DEFAULT_START[direction] : draft.start };
}

/** Arabic-Indic digits as typed on an Arabic keyboard count as digits. */
const asciiDigits = (text: string) =>
  text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));

function wholeNumber(
  problems: PlanProblem[],
  field: PlanField,
  text: string,
  { min, max }: { min: number; max: number },
): number {
  const typed = asciiDigits(text.trim());
  if (typed === '') {
    problems.push({ field, kind: 'required' });
    return NaN;
  }
  const value = /^\d+$/.test(typed) ? Number(typed) : NaN;
  if (!(value >= min && value <= max)) problems.push({ field, kind: 'range', min, max });
  return value;
}

/** The draft checked as the server would check it: the body to send, or each field's problem. */
export function planBody(draft: PlanDraft): { ok: true; data: HifzPlanInput } | { ok: false; problems: PlanProblem[] } {
  const problems: PlanProblem[] = [];
  const start = draft.start.trim();
  if (start === '') problems.push({ field: 'start', kind: 'required' });
  else if (start.length > PLAN_LIMITS.startLength)
    problems.push({ field: 'start', kind: 'tooLong', max: PLAN_LIMITS.startLength });
  const newAmount = wholeNumber(problems, 'newAmount', draft.newAmount, PLAN_LIMITS.newAmount);
  const sabqiDays = wholeNumber(problems, 'sabqiDays', draft.sabqiDays, PLAN_LIMITS.sabqiDays);
  const manzilAmount = wholeNumber(problems, 'manzilAmount', draft.manzilAmount, {
    min: PLAN_LIMITS.manzilAmount.min,
    max: Math.min(PLAN_LIMITS.manzilAmount.max, MANZIL_MAX[draft.manzilUnit]),
  });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    data: {
      direction: draft.direction,
      start,
      newAmount,
      newUnit: draft.newUnit,
      sabqiDays,
      manzilAmount,
      manzilUnit: draft.manzilUnit,
      ...(draft.teacher === undefined ? {} : { teacher: draft.teacher || null }),
    },
  };
}
