import type { HifzMistakeType } from '../../../db/schema/hifz';
import type { HifzMapCell } from '../../contract/hifz';
import { daysBetween } from '../learning/streak-rules';
import type { QuranIndex } from './quran-index';
import { isPassing, type HeardCheck } from './proposal';

export interface HeardCheckWithMistakes extends HeardCheck {
  mistakes: readonly { ayahId: number; type: HifzMistakeType }[];
}

/** How much a mistake weighs against an ayah's strength: a forgotten or wrong word most, tajweed least. */
export const MISTAKE_WEIGHT: Record<HifzMistakeType, number> = {
  forgotten_word: 1,
  wrong_word: 1,
  hesitation: 0.5,
  tajweed: 0.25,
};

/** Days after which an ayah not heard again counts half as strong. */
export const HALF_LIFE_DAYS = 30;
/** Hearings of an ayah whose mistakes count (older ones are outgrown). */
export const RECENT_HEARINGS = 3;

export type StrengthLevel = 'strong' | 'fair' | 'weak' | 'unheard';

export interface AyahStrength {
  ayahId: number;
  lastHeard: string | null;
  /** 0-100; null for an ayah memorised before the plan and not heard since. */
  strength: number | null;
  level: StrengthLevel;
}

export function levelOf(strength: number | null): StrengthLevel {
  if (strength === null) return 'unheard';
  return strength >= 70 ? 'strong' : strength >= 40 ? 'fair' : 'weak';
}

/**
 * The strength of each memorised ayah today: recency (halved every HALF_LIFE_DAYS since it was last heard)
 * times accuracy (1 / (1 + weighted mistakes over its last RECENT_HEARINGS hearings)), halved again when
 * its latest hearing was graded "needs repeat".
 */
export function ayahStrengths(
  index: QuranIndex,
  memorised: Uint8Array,
  history: readonly HeardCheckWithMistakes[],
  today: string,
): Map<number, AyahStrength> {
  const hearings = new Map<number, HeardCheckWithMistakes[]>();
  for (const check of history) {
    if (check.heldOn > today) continue;
    for (let id = check.from; id <= check.to; id++) {
      const list = hearings.get(id);
      if (list) list.push(check);
      else hearings.set(id, [check]);
    }
  }
  const out = new Map<number, AyahStrength>();
  for (let id = 1; id <= index.ayahCount; id++) {
    if (!memorised[id]) continue;
    const heard = hearings.get(id);
    if (!heard) {
      out.set(id, { ayahId: id, lastHeard: null, strength: null, level: 'unheard' });
      continue;
    }
    const recent = heard.slice(-RECENT_HEARINGS);
    const latest = recent.at(-1)!;
    let weight = 0;
    for (const check of recent) for (const m of check.mistakes) if (m.ayahId === id) weight += MISTAKE_WEIGHT[m.type];
    const recency = 0.5 ** (Math.max(0, daysBetween(latest.heldOn, today)) / HALF_LIFE_DAYS);
    const accuracy = (1 / (1 + weight)) * (isPassing(latest.grade) ? 1 : 0.5);
    const strength = Math.round(100 * recency * accuracy);
    out.set(id, { ayahId: id, lastHeard: latest.heldOn, strength, level: levelOf(strength) });
  }
  return out;
}

/** The weakest memorised ayahs, to revise first (ties: longest unheard first, then mushaf order). */
export function weakestAyahs(strengths: Map<number, AyahStrength>, limit = 20): AyahStrength[] {
  return [...strengths.values()]
    .filter((s) => s.level === 'weak' || s.level === 'fair')
    .sort(
      (a, b) =>
        a.strength! - b.strength! || (a.lastHeard ?? '').localeCompare(b.lastHeard ?? '') || a.ayahId - b.ayahId,
    )
    .slice(0, limit);
}

/** One cell of the map, as the API answers it (worker/contract/hifz.ts). */
export type MapCell = HifzMapCell;

/**
 * The Quran map: one cell for each part of a surah within a juz (juz 1 holds Al-Fatihah and the start of
 * Al-Baqarah, so two cells; juz 30 holds 37), in mushaf order, so a juz is a row and a surah a cell.
 */
export function quranMap(index: QuranIndex, strengths: Map<number, AyahStrength>): MapCell[] {
  const cells: MapCell[] = [];
  for (let id = 1; id <= index.ayahCount; id++) {
    const juz = index.juzOf(id);
    const { surah } = index.locate(id);
    let cell = cells.at(-1);
    if (!cell || cell.juz !== juz || cell.surah !== surah) {
      cell = {
        juz,
        surah,
        from: id,
        to: id,
        ayahs: 0,
        memorised: 0,
        strength: null,
        level: 'not_memorised',
        weakAyahs: 0,
      };
      cells.push(cell);
    }
    cell.to = id;
    cell.ayahs++;
  }
  for (const cell of cells) {
    let heard = 0;
    let total = 0;
    for (let id = cell.from; id <= cell.to; id++) {
      const s = strengths.get(id);
      if (!s) continue;
      cell.memorised++;
      if (s.level === 'weak') cell.weakAyahs++;
      if (s.strength !== null) {
        heard++;
        total += s.strength;
      }
    }
    if (heard > 0) cell.strength = Math.round(total / heard);
    cell.level = cell.memorised === 0 ? 'not_memorised' : levelOf(cell.strength);
  }
  return cells;
}
