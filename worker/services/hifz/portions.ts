import type { AyahRange, QuranIndex } from './quran-index';

export type Direction = 'reverse' | 'forward';
export type NewUnit = 'lines' | 'ayahs' | 'half_pages';

export interface NewPortionRule {
  direction: Direction;
  amount: number;
  unit: NewUnit;
}

/** Lines of a half page (the Madani page has 15). */
const HALF_PAGE_LINES = 7.5;

/** The surah memorised after this one: `reverse` climbs from An-Nas towards Al-Baqarah, surah by surah. */
export function nextSurah(direction: Direction, surah: number): number | null {
  const next = direction === 'forward' ? surah + 1 : surah - 1;
  return next >= 1 && next <= 114 ? next : null;
}

/**
 * Where an ayah comes in the plan's order: `forward` is mushaf order; `reverse` takes the surahs from the
 * last to the first, each read from its first ayah to its last.
 */
export function planPosition(index: QuranIndex, direction: Direction, id: number): number {
  if (direction === 'forward') return id;
  const { surah, ayah } = index.locate(id);
  return (115 - surah) * 1000 + ayah;
}

/** The first ayah, from the plan's start onward in its order, that is not memorised; null once all are. */
export function nextNewAyah(
  index: QuranIndex,
  direction: Direction,
  startAyahId: number,
  memorised: Uint8Array,
): number | null {
  let surah: number | null = index.locate(startAyahId).surah;
  let id = startAyahId;
  while (surah !== null) {
    const { to } = index.surahRange(surah);
    for (; id <= to; id++) if (!memorised[id]) return id;
    surah = nextSurah(direction, surah);
    if (surah !== null) id = index.surahRange(surah).from;
  }
  return null;
}

/** A portion's size in the plan's unit. */
export function portionSize(index: QuranIndex, unit: NewUnit, range: AyahRange): number {
  if (unit === 'ayahs') return range.to - range.from + 1;
  let hundredths = 0;
  for (let id = range.from; id <= range.to; id++) hundredths += index.textLines(id);
  return unit === 'lines' ? hundredths / 100 : hundredths / 100 / HALF_PAGE_LINES;
}

/** The n-th half-page mark (in hundredths of a line from the top of page 1) at least one line after a position. */
function halfPageMark(index: QuranIndex, position: number, n: number): number {
  let page = Math.floor(position / 1500) + 1;
  let found = 0;
  for (; ; page++) {
    const capacity = page <= 2 ? 800 : 1500;
    const base = (page - 1) * 1500;
    for (const mark of [base + capacity / 2, base + capacity]) {
      if (mark > position + 100 && ++found === n) return mark;
      if (page >= 604 && mark === base + capacity) return mark;
    }
  }
}

/** Part of one surah from `from`, sized by the rule; a tail shorter than half a portion is taken with it. */
function withinSurah(index: QuranIndex, rule: NewPortionRule, from: number): AyahRange {
  const end = index.surahRange(index.locate(from).surah).to;
  let to = from;
  if (rule.unit === 'ayahs') {
    to = Math.min(from + rule.amount - 1, end);
  } else {
    const mark = rule.unit === 'half_pages' ? halfPageMark(index, index.lineStart(from), rule.amount) : 0;
    let best = Infinity;
    let lines = 0;
    for (let id = from; id <= end; id++) {
      lines += index.textLines(id);
      const miss = rule.unit === 'lines' ? Math.abs(lines - rule.amount * 100) : Math.abs(index.lineEnd(id) - mark);
      if (miss < best) {
        best = miss;
        to = id;
      } else break;
    }
  }
  if (to < end && portionSize(index, rule.unit, { from: to + 1, to: end }) < rule.amount / 2) to = end;
  return { from, to };
}

/**
 * The next new portion (sabaq) from `from`, sized by the plan. A portion is contiguous in the mushaf: either
 * part of one surah, or, starting at a surah's first ayah, a run of whole surahs (in `reverse`, 114 then 113
 * ... is the block 112:1-114:6), taking each next surah while that brings the size closer to the amount.
 */
export function nextPortion(index: QuranIndex, rule: NewPortionRule, from: number): AyahRange {
  const surah = index.locate(from).surah;
  const whole = index.surahRange(surah);
  if (from !== whole.from || portionSize(index, rule.unit, whole) > rule.amount) return withinSurah(index, rule, from);
  const range = { ...whole };
  let size = portionSize(index, rule.unit, whole);
  for (let next = nextSurah(rule.direction, surah); next !== null; next = nextSurah(rule.direction, next)) {
    const add = portionSize(index, rule.unit, index.surahRange(next));
    if (Math.abs(size + add - rule.amount) >= Math.abs(size - rule.amount)) break;
    size += add;
    if (rule.direction === 'forward') range.to = index.surahRange(next).to;
    else range.from = index.surahRange(next).from;
  }
  return range;
}
