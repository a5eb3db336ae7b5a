import type { QuranIndex } from './quran-index';

export interface Milestone {
  kind: 'surah' | 'juz' | 'juz_count';
  /** The surah or juz completed; for `juz_count`, the whole juz memorised so far (5, 10, ..., 30). */
  number: number;
}

function completeSurahs(index: QuranIndex, memorised: Uint8Array): Set<number> {
  const done = new Set<number>();
  for (const s of index.surahs) {
    const { from, to } = index.surahRange(s.number);
    if (memorised.subarray(from, to + 1).every(Boolean)) done.add(s.number);
  }
  return done;
}

function completeJuz(index: QuranIndex, memorised: Uint8Array): Set<number> {
  const done = new Set<number>();
  for (let juz = 1; juz <= index.divisionCount('juz'); juz++) {
    const { from, to } = index.divisionRange('juz', juz)!;
    if (memorised.subarray(from, to + 1).every(Boolean)) done.add(juz);
  }
  return done;
}

/**
 * What a step of memorisation completed: every surah and juz whole now and not before, and each multiple
 * of five juz the count of whole juz reached or passed. Awarded once each (hifz_milestones is unique).
 */
export function newMilestones(index: QuranIndex, before: Uint8Array, after: Uint8Array): Milestone[] {
  const out: Milestone[] = [];
  const surahsBefore = completeSurahs(index, before);
  for (const s of completeSurahs(index, after)) if (!surahsBefore.has(s)) out.push({ kind: 'surah', number: s });
  const juzBefore = completeJuz(index, before);
  const juzAfter = completeJuz(index, after);
  for (const j of juzAfter) if (!juzBefore.has(j)) out.push({ kind: 'juz', number: j });
  for (let count = 5; count <= juzAfter.size; count += 5)
    if (count > juzBefore.size) out.push({ kind: 'juz_count', number: count });
  return out;
}
