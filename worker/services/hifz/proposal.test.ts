import { describe, expect, it } from 'vitest';
import { testQuranIndex } from '../../../tests/support/quran-index';
import { newMilestones, type Milestone } from './milestones';
import { nextNewAyah, planPosition, portionSize } from './portions';
import {
  isPassing,
  memorisedAyahs,
  proposeDay,
  type DayProposal,
  type HeardCheck,
  type HifzPlanRules,
} from './proposal';
import type { AyahRange } from './quran-index';
import { formatRange } from './ranges';

const index = testQuranIndex();
const at = (surah: number, ayah: number) => index.ayahId(surah, ayah)!;
const label = (r: AyahRange) => formatRange(index, r);
const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n)).toISOString().slice(0, 10);

interface SimulatedDay {
  date: string;
  proposal: DayProposal;
  milestones: Milestone[];
}

/**
 * A month at the mosque: each day the teacher hears what the app proposes and records it. `absent` days
 * record nothing; `grades` overrides a day's sabaq or manzil grade (everything else is "good").
 */
function simulate(
  plan: HifzPlanRules,
  days: number,
  options: {
    absent?: number[];
    sabaqGrades?: Record<number, HeardCheck['grade']>;
    manzilGrades?: Record<number, HeardCheck['grade']>;
  } = {},
) {
  const history: HeardCheck[] = [];
  const out: SimulatedDay[] = [];
  for (let d = 0; d < days; d++) {
    const date = day(d);
    const proposal = proposeDay(index, plan, history, date);
    const before = memorisedAyahs(index, plan, history);
    if (!options.absent?.includes(d)) {
      if (proposal.sabaq)
        history.push({
          heldOn: date,
          kind: 'sabaq',
          ...proposal.sabaq.range,
          grade: options.sabaqGrades?.[d] ?? 'good',
        });
      for (const r of proposal.sabqi) history.push({ heldOn: date, kind: 'sabqi', ...r, grade: 'very_good' });
      for (const r of proposal.manzil?.ranges ?? [])
        history.push({ heldOn: date, kind: 'manzil', ...r, grade: options.manzilGrades?.[d] ?? 'good' });
    }
    out.push({ date, proposal, milestones: newMilestones(index, before, memorisedAyahs(index, plan, history)) });
  }
  return { days: out, history };
}

const childPlan: HifzPlanRules = {
  direction: 'reverse',
  startAyahId: at(114, 1),
  newAmount: 7,
  newUnit: 'lines',
  sabqiDays: 7,
  manzilAmount: 2,
  manzilUnit: 'pages',
};

describe('a month of a child memorising from An-Nas upward, 7 lines a day', () => {
  const month = simulate(childPlan, 30, {
    absent: [9],
    sabaqGrades: { 14: 'needs_repeat' },
    manzilGrades: { 20: 'needs_repeat' },
  });
  const sabaqOf = (d: number) => month.days[d]!.proposal.sabaq!;

  it('starts with An-Nas and Al-Falaq together (about 7 lines), nothing to revise yet', () => {
    expect(label(sabaqOf(0).range)).toBe('113:1-114:6');
    expect(portionSize(index, 'lines', sabaqOf(0).range)).toBeCloseTo(6.8, 0);
    expect(month.days[0]!.proposal.sabqi).toEqual([]);
    expect(month.days[0]!.proposal.manzil).toBeNull();
    expect(month.days[0]!.milestones).toEqual([
      { kind: 'surah', number: 113 },
      { kind: 'surah', number: 114 },
    ]);
  });

  it('moves up surah by surah, each portion where the last accepted one ended, none skipped or heard twice', () => {
    const accepted = month.history.filter((c) => c.kind === 'sabaq' && isPassing(c.grade));
    const covered = new Uint8Array(index.ayahCount + 1);
    for (const c of accepted) {
      expect(covered.subarray(c.from, c.to + 1).some(Boolean)).toBe(false);
      covered.fill(1, c.from, c.to + 1);
    }
    // What was accepted is exactly what comes before the next new ayah in the plan's order.
    const next = nextNewAyah(index, 'reverse', childPlan.startAyahId, covered)!;
    expect(index.locate(next).surah).toBeLessThan(90);
    for (let id = 1; id <= index.ayahCount; id++)
      expect(covered[id] === 1).toBe(planPosition(index, 'reverse', id) < planPosition(index, 'reverse', next));
    for (const c of accepted) {
      const size = portionSize(index, 'lines', c);
      const endsSurah = index.surahRange(index.locate(c.to).surah).to === c.to;
      // Whole ayahs and whole short surahs: close to the amount, never twice it.
      expect(size).toBeLessThan(14);
      if (!endsSurah) expect(size).toBeGreaterThanOrEqual(3.5);
    }
    const mean = accepted.reduce((n, c) => n + portionSize(index, 'lines', c), 0) / accepted.length;
    expect(mean).toBeGreaterThan(5.5);
    expect(mean).toBeLessThan(8.5);
  });

  it('after a missed day proposes the same portions again: the calendar skips nothing', () => {
    const missed = month.days[9]!.proposal;
    const next = month.days[10]!.proposal;
    expect(next.sabaq).toEqual(missed.sabaq);
    expect(next.manzil).toEqual(missed.manzil);
    expect(next.sabqi).toEqual(missed.sabqi);
  });

  it('proposes a sabaq graded "needs repeat" again, and keeps it out of the sabqi until accepted', () => {
    const failed = sabaqOf(14).range;
    expect(month.days[15]!.proposal.sabaq).toEqual({ range: failed, repeat: true });
    const inSabqi = month.days[15]!.proposal.sabqi.some((r) => r.from <= failed.to && r.to >= failed.from);
    expect(inSabqi).toBe(false);
    expect(month.days[16]!.proposal.sabaq!.repeat).toBe(false);
    expect(month.days[16]!.proposal.sabaq!.range.from).not.toBe(failed.from);
  });

  it('sabqi is the sabaq of the last 7 sabaq days, whatever the calendar', () => {
    const d = 20;
    const past = month.history.filter((c) => c.kind === 'sabaq' && isPassing(c.grade) && c.heldOn < day(d));
    const lastDays = [...new Set(past.map((c) => c.heldOn))].slice(-7);
    const expected = past.filter((c) => lastDays.includes(c.heldOn));
    const sabqiAyahs = month.days[d]!.proposal.sabqi.reduce((n, r) => n + r.to - r.from + 1, 0);
    expect(sabqiAyahs).toBe(expected.reduce((n, r) => n + r.to - r.from + 1, 0));
    // In the plan's order: the oldest (the higher surah) first.
    const sabqi = month.days[d]!.proposal.sabqi;
    expect(index.locate(sabqi[0]!.from).surah).toBeGreaterThanOrEqual(index.locate(sabqi.at(-1)!.from).surah);
  });

  it('manzil turns through what is memorised outside the sabqi, two pages a day from An-Nas, and repeats a failed part', () => {
    const manzils = month.days.map((d) => d.proposal.manzil);
    const firstDay = manzils.findIndex((m) => m !== null);
    expect(firstDay).toBeGreaterThan(0);
    // The oldest part first: pages 603-604, of which 604 is no longer in the sabqi.
    expect(manzils[firstDay]).toMatchObject({ division: 'pages', first: 604, last: 604, repeat: false });
    for (const [d, m] of manzils.entries()) {
      if (!m) continue;
      expect(m.last - m.first).toBeLessThanOrEqual(1);
      for (const r of m.ranges)
        for (const s of month.days[d]!.proposal.sabqi) expect(r.to < s.from || r.from > s.to).toBe(true);
    }
    // Round and round: pages 603-604 come back once the rotation has passed the older parts.
    expect(manzils.filter((m) => m?.first === 603).length).toBeGreaterThan(2);
    expect(manzils[21]).toEqual({ ...manzils[20]!, repeat: true });
  });
});

describe('a forward plan from Al-Baqarah, half a page a day', () => {
  const plan: HifzPlanRules = {
    direction: 'forward',
    startAyahId: at(2, 1),
    newAmount: 1,
    newUnit: 'half_pages',
    sabqiDays: 5,
    manzilAmount: 1,
    manzilUnit: 'juz',
  };
  const month = simulate(plan, 30);

  it('counts Al-Fatihah as known and starts at 2:1', () => {
    expect(memorisedAyahs(index, plan, []).subarray(1, 8).every(Boolean)).toBe(true);
    expect(month.days[0]!.proposal.sabaq!.range.from).toBe(at(2, 1));
    expect(label(month.days[0]!.proposal.manzil!.ranges[0]!)).toBe('1');
  });

  it('ends each half page at the ayah nearest the middle or the foot of the page', () => {
    for (const { proposal } of month.days.slice(1)) {
      const { to } = proposal.sabaq!.range;
      const line = (index.lineEnd(to) % 1500) / 100;
      const toMark = Math.min(Math.abs(line - 7.5), line, 15 - line);
      // The nearest ayah end: never further from the mark than the ayahs around it are long.
      expect(toMark).toBeLessThanOrEqual(Math.max(index.textLines(to), index.textLines(to + 1)) / 100);
    }
    expect(month.days[1]!.proposal.sabaq!.range.from).toBe(month.days[0]!.proposal.sabaq!.range.to + 1);
    // 30 half pages from 2:1 reach page 16 or 17.
    expect(index.pageOf(month.days[29]!.proposal.sabaq!.range.to)).toBeGreaterThanOrEqual(16);
  });
});

describe('the plan at its edges', () => {
  it('a student who has memorised everything has no sabaq and a complete plan', () => {
    const plan = { ...childPlan, direction: 'forward' as const, startAyahId: 1 };
    const history: HeardCheck[] = [{ heldOn: day(0), kind: 'sabaq', from: 1, to: index.ayahCount, grade: 'excellent' }];
    const proposal = proposeDay(index, plan, history, day(1));
    expect(proposal.sabaq).toBeNull();
    expect(proposal.complete).toBe(true);
  });

  it('a plan starting mid-surah in reverse takes the rest of that surah, then the surah before it', () => {
    const plan = { ...childPlan, startAyahId: at(78, 31), newAmount: 12, newUnit: 'ayahs' as const };
    const first = proposeDay(index, plan, [], day(0)).sabaq!.range;
    expect(label(first)).toBe('78:31-40');
    const memorised = memorisedAyahs(index, plan, []);
    expect([memorised[at(78, 30)], memorised[at(79, 1)], memorised[at(78, 31)], memorised[at(77, 50)]]).toEqual([
      1, 1, 0, 0,
    ]);
    const history: HeardCheck[] = [{ heldOn: day(0), kind: 'sabaq', ...first, grade: 'good' }];
    expect(label(proposeDay(index, plan, history, day(1)).sabaq!.range)).toBe('77:1-12');
  });

  it('does not leave a tail shorter than half a portion: An-Nas at 5 ayahs a day is heard whole', () => {
    const plan = { ...childPlan, newAmount: 5, newUnit: 'ayahs' as const };
    expect(label(proposeDay(index, plan, [], day(0)).sabaq!.range)).toBe('114');
  });
});
