import { describe, expect, it } from 'vitest';
import { testQuranIndex } from '../../../tests/support/quran-index';
import { newMilestones } from './milestones';
import { ayahStrengths, quranMap, weakestAyahs, type HeardCheckWithMistakes } from './strength';

const index = testQuranIndex();
const at = (surah: number, ayah: number) => index.ayahId(surah, ayah)!;
const mask = (...ranges: [number, number][]) => {
  const m = new Uint8Array(index.ayahCount + 1);
  for (const [from, to] of ranges) m.fill(1, from, to + 1);
  return m;
};
const juz30 = index.divisionRange('juz', 30)!;

describe('ayah strength', () => {
  const memorised = mask([at(112, 1), at(114, 6)]);
  const history: HeardCheckWithMistakes[] = [
    { heldOn: '2026-11-01', kind: 'sabaq', from: at(112, 1), to: at(114, 6), grade: 'good', mistakes: [] },
    {
      heldOn: '2026-11-20',
      kind: 'manzil',
      from: at(113, 1),
      to: at(114, 6),
      grade: 'good',
      mistakes: [
        { ayahId: at(113, 3), type: 'forgotten_word' },
        { ayahId: at(113, 3), type: 'hesitation' },
        { ayahId: at(114, 2), type: 'tajweed' },
      ],
    },
    { heldOn: '2026-11-25', kind: 'sabqi', from: at(114, 1), to: at(114, 6), grade: 'needs_repeat', mistakes: [] },
  ];
  const strengths = ayahStrengths(index, memorised, history, '2026-11-30');

  it('fades with time since last heard, halving every 30 days', () => {
    expect(strengths.get(at(112, 1))).toMatchObject({
      lastHeard: '2026-11-01',
      strength: Math.round(100 * 0.5 ** (29 / 30)),
    });
    expect(strengths.get(at(113, 1))!.strength).toBe(Math.round(100 * 0.5 ** (10 / 30)));
  });

  it('falls with the mistakes of the recent hearings, weighted by type', () => {
    // forgotten word (1) + hesitation (0.5)
    expect(strengths.get(at(113, 3))!.strength).toBe(Math.round((100 * 0.5 ** (10 / 30)) / 2.5));
    expect(strengths.get(at(113, 3))!.level).toBe('weak');
  });

  it('halves again when the latest hearing was "needs repeat"', () => {
    expect(strengths.get(at(114, 1))!.strength).toBe(Math.round(100 * 0.5 ** (5 / 30) * 0.5));
    // 114:2 also carries a tajweed mistake from its earlier hearing.
    expect(strengths.get(at(114, 2))!.strength).toBe(Math.round((100 * 0.5 ** (5 / 30) * 0.5) / 1.25));
  });

  it('leaves ayahs known before the plan but never heard as "unheard", and the rest out', () => {
    const withPrior = ayahStrengths(index, mask([at(111, 1), at(114, 6)]), history, '2026-11-30');
    expect(withPrior.get(at(111, 1))).toMatchObject({ strength: null, level: 'unheard' });
    expect(withPrior.has(at(110, 1))).toBe(false);
  });

  it('lists the weakest ayahs first', () => {
    const weakest = weakestAyahs(strengths, 3).map((s) => index.label(s.ayahId));
    expect(weakest[0]).toBe('113:3');
    expect(weakest).toHaveLength(3);
  });

  it('maps the Quran by juz and surah: 30 rows, a cell per surah part', () => {
    const cells = quranMap(index, strengths);
    expect(new Set(cells.map((c) => c.juz)).size).toBe(30);
    expect(cells.filter((c) => c.juz === 1).map((c) => c.surah)).toEqual([1, 2]);
    expect(cells.filter((c) => c.juz === 30)).toHaveLength(37);
    expect(cells.reduce((n, c) => n + c.ayahs, 0)).toBe(index.ayahCount);
    const nas = cells.find((c) => c.surah === 114)!;
    expect(nas).toMatchObject({ ayahs: 6, memorised: 6, level: 'fair' });
    const falaq = cells.find((c) => c.surah === 113)!;
    expect(falaq).toMatchObject({ memorised: 5, weakAyahs: 1 });
    expect(cells.find((c) => c.surah === 2 && c.juz === 1)).toMatchObject({
      memorised: 0,
      level: 'not_memorised',
      strength: null,
    });
  });
});

describe('milestones', () => {
  it('a completed surah is a milestone once', () => {
    const before = mask([at(113, 1), at(114, 6)]);
    const after = mask([at(112, 1), at(114, 6)]);
    expect(newMilestones(index, before, after)).toEqual([{ kind: 'surah', number: 112 }]);
    expect(newMilestones(index, after, after)).toEqual([]);
  });

  it('completing juz 30 completes its last surah and the juz', () => {
    const before = mask([juz30.from + 1, juz30.to]);
    const after = mask([juz30.from, juz30.to]);
    expect(newMilestones(index, before, after)).toEqual([
      { kind: 'surah', number: 78 },
      { kind: 'juz', number: 30 },
    ]);
  });

  it('every fifth whole juz is a milestone of its own', () => {
    const four = mask([index.divisionRange('juz', 27)!.from, index.ayahCount]);
    const five = mask([index.divisionRange('juz', 26)!.from, index.ayahCount]);
    expect(newMilestones(index, four, five)).toContainEqual({ kind: 'juz_count', number: 5 });
    expect(newMilestones(index, four, five).filter((m) => m.kind === 'juz')).toEqual([{ kind: 'juz', number: 26 }]);
    const all = mask([1, index.ayahCount]);
    const counts = newMilestones(index, new Uint8Array(index.ayahCount + 1), all).filter((m) => m.kind === 'juz_count');
    expect(counts.map((m) => m.number)).toEqual([5, 10, 15, 20, 25, 30]);
  });
});
