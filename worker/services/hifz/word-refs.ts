import type { QuranIndex } from './quran-index';
import { ayahIdOf, invalidReference } from './ranges';

/**
 * A word of the mushaf, addressed surah:ayah:word (1-based, words as db/quran/words.ts cuts them), so a
 * mistake points at exactly what the student got wrong. `word` null is the whole ayah (e.g. a skipped ayah).
 */
export interface WordRef {
  ayahId: number;
  word: number | null;
}

export function wordRefOf(
  index: QuranIndex,
  ref: { surah: number; ayah: number; word?: number | null },
  path: (string | number)[] = [],
): WordRef {
  const ayahId = ayahIdOf(index, ref, path);
  const word = ref.word ?? null;
  if (word !== null && (!Number.isInteger(word) || word < 1 || word > index.wordCount(ayahId)))
    throw invalidReference(
      `${ref.surah}:${ref.ayah}:${word} does not exist: ${ref.surah}:${ref.ayah} has ${index.wordCount(ayahId)} words`,
      path,
    );
  return { ayahId, word };
}

/** "2:255:3" (a word) or "2:255" (the whole ayah). */
export function parseWordRef(index: QuranIndex, input: string, path: (string | number)[] = []): WordRef {
  const match = /^\s*(\d+)\s*:\s*(\d+)(?:\s*:\s*(\d+))?\s*$/.exec(input);
  if (!match)
    throw invalidReference(`"${input}" is not a word reference: write it surah:ayah:word, e.g. 2:255:3`, path);
  return wordRefOf(
    index,
    { surah: Number(match[1]), ayah: Number(match[2]), word: match[3] === undefined ? null : Number(match[3]) },
    path,
  );
}

export function formatWordRef(index: QuranIndex, ref: WordRef): string {
  return ref.word === null ? index.label(ref.ayahId) : `${index.label(ref.ayahId)}:${ref.word}`;
}

/** Whether a word lies in a range of ayahs (a mistake must be on something that was heard). */
export function isWithin(ref: WordRef, range: { from: number; to: number }): boolean {
  return ref.ayahId >= range.from && ref.ayahId <= range.to;
}
