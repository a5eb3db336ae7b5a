import type { HifzCheckKind, HifzGrade, HifzRevisionUnit } from '../../../db/schema/hifz';
import type { AyahRange, QuranIndex } from './quran-index';
import { nextNewAyah, nextPortion, planPosition, type Direction, type NewUnit } from './portions';

export interface HifzPlanRules {
  direction: Direction;
  startAyahId: number;
  newAmount: number;
  newUnit: NewUnit;
  sabqiDays: number;
  manzilAmount: number;
  manzilUnit: HifzRevisionUnit;
}

/** A check as recorded, in the order it was recorded (by day, then by recording). */
export interface HeardCheck {
  heldOn: string;
  kind: HifzCheckKind;
  from: number;
  to: number;
  grade: HifzGrade;
}

export const isPassing = (grade: HifzGrade) => grade !== 'needs_repeat';

/**
 * What the student has memorised: whatever comes before the plan's start in its order (known on joining),
 * and every ayah of a check that was not graded "needs repeat".
 */
export function memorisedAyahs(index: QuranIndex, plan: HifzPlanRules, checks: readonly HeardCheck[]): Uint8Array {
  const memorised = new Uint8Array(index.ayahCount + 1);
  const start = planPosition(index, plan.direction, plan.startAyahId);
  for (let id = 1; id <= index.ayahCount; id++) if (planPosition(index, plan.direction, id) < start) memorised[id] = 1;
  for (const c of checks) if (isPassing(c.grade)) memorised.fill(1, c.from, c.to + 1);
  return memorised;
}

/** The contiguous runs of ayahs for which `keep` holds, in mushaf order. */
export function runsOf(count: number, keep: (id: number) => boolean): AyahRange[] {
  const runs: AyahRange[] = [];
  for (let id = 1; id <= count; id++) {
    if (!keep(id)) continue;
    const last = runs.at(-1);
    if (last && last.to === id - 1) last.to = id;
    else runs.push({ from: id, to: id });
  }
  return runs;
}

export interface DayProposal {
  /** The next new portion; null once the plan is complete. `repeat`: yesterday's sabaq was not accepted. */
  sabaq: { range: AyahRange; repeat: boolean } | null;
  /** The sabaq of the last `sabqiDays` sabaq days, merged, in the plan's order. */
  sabqi: AyahRange[];
  /** Today's part of the rotation through everything else memorised; null while nothing is. */
  manzil: { ranges: AyahRange[]; division: HifzRevisionUnit; first: number; last: number; repeat: boolean } | null;
  complete: boolean;
}

/**
 * Today's three checks for a student, from the plan and what was recorded before today. The calendar does
 * not move the plan: after a missed day the same portions are proposed again, nothing is skipped.
 */
export function proposeDay(
  index: QuranIndex,
  plan: HifzPlanRules,
  history: readonly HeardCheck[],
  today: string,
): DayProposal {
  const past = history.filter((c) => c.heldOn < today);
  const memorised = memorisedAyahs(index, plan, past);
  const inPlanOrder = (ranges: AyahRange[]) =>
    ranges.sort((a, b) => planPosition(index, plan.direction, a.from) - planPosition(index, plan.direction, b.from));

  const lastSabaq = past.filter((c) => c.kind === 'sabaq').at(-1);
  let sabaq: DayProposal['sabaq'] = null;
  if (
    lastSabaq &&
    !isPassing(lastSabaq.grade) &&
    !memorised.subarray(lastSabaq.from, lastSabaq.to + 1).every(Boolean)
  ) {
    sabaq = { range: { from: lastSabaq.from, to: lastSabaq.to }, repeat: true };
  } else {
    const next = nextNewAyah(index, plan.direction, plan.startAyahId, memorised);
    if (next !== null)
      sabaq = {
        range: nextPortion(index, { direction: plan.direction, amount: plan.newAmount, unit: plan.newUnit }, next),
        repeat: false,
      };
  }

  const passedSabaq = past.filter((c) => c.kind === 'sabaq' && isPassing(c.grade));
  const sabaqDays = [...new Set(passedSabaq.map((c) => c.heldOn))];
  const sabqiDays = new Set(plan.sabqiDays > 0 ? sabaqDays.slice(-plan.sabqiDays) : []);
  const inSabqi = new Uint8Array(index.ayahCount + 1);
  for (const c of passedSabaq) if (sabqiDays.has(c.heldOn)) inSabqi.fill(1, c.from, c.to + 1);
  const sabqi = inPlanOrder(runsOf(index.ayahCount, (id) => inSabqi[id] === 1));

  return {
    sabaq,
    sabqi,
    manzil: proposeManzil(index, plan, past, (id) => memorised[id] === 1 && inSabqi[id] === 0),
    complete: sabaq === null,
  };
}

/**
 * The rotation: everything memorised outside the sabqi, cut at juz / hizb / rub' / page boundaries into parts
 * of `manzilAmount` divisions, heard one part a day in the plan's order (for `reverse`, juz 30 first), then
 * round again. A part graded "needs repeat" is heard again the next day.
 */
function proposeManzil(
  index: QuranIndex,
  plan: HifzPlanRules,
  past: readonly HeardCheck[],
  eligible: (id: number) => boolean,
): DayProposal['manzil'] {
  const division = plan.manzilUnit;
  const partOf = (id: number) => Math.floor((index.divisionOf(division, id) - 1) / plan.manzilAmount);
  const describe = (ranges: AyahRange[], repeat: boolean) => ({
    ranges,
    division,
    first: index.divisionOf(division, ranges[0]!.from),
    last: index.divisionOf(division, ranges.at(-1)!.to),
    repeat,
  });
  const last = past.filter((c) => c.kind === 'manzil').at(-1);
  if (last && !isPassing(last.grade)) return describe([{ from: last.from, to: last.to }], true);

  const found = new Set<number>();
  for (let id = 1; id <= index.ayahCount; id++) if (eligible(id)) found.add(partOf(id));
  const withAyahs = [...found].sort((a, b) => (plan.direction === 'forward' ? a - b : b - a));
  if (withAyahs.length === 0) return null;
  let part = withAyahs[0]!;
  if (last) {
    const reached = partOf(plan.direction === 'forward' ? last.to : last.from);
    const after = withAyahs.find((p) => (plan.direction === 'forward' ? p > reached : p < reached));
    part = after ?? withAyahs[0]!;
  }
  return describe(
    runsOf(index.ayahCount, (id) => eligible(id) && partOf(id) === part),
    false,
  );
}
