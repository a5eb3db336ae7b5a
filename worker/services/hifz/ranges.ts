import { badRequest } from '../../lib/errors';
import type { AyahRange, Division, QuranIndex } from './quran-index';
import { findSurahsByName } from './surah-names';

/** A 400 naming the field, in Strapi's `details.errors[]` shape, so a form can show it beside the input. */
export function invalidReference(message: string, path: (string | number)[] = []) {
  return badRequest(message, { errors: [{ path, message, name: 'ValidationError' }] });
}

export interface SurahAyah {
  surah: number;
  ayah: number;
}

const ordinal = (n: number) => n.toLocaleString('en');

function surahOrThrow(index: QuranIndex, surah: number, path: (string | number)[]) {
  const s = index.surah(surah);
  if (!s) throw invalidReference(`Surah ${surah} does not exist: the Quran has ${index.surahs.length} surahs`, path);
  return s;
}

/** The global index of surah:ayah, or a 400 that says what does not exist. */
export function ayahIdOf(index: QuranIndex, { surah, ayah }: SurahAyah, path: (string | number)[] = []): number {
  const s = surahOrThrow(index, surah, path);
  const id = index.ayahId(surah, ayah);
  if (id === undefined)
    throw invalidReference(
      `${surah}:${ayah} does not exist: ${s.nameTransliterated} (surah ${surah}) has ${ordinal(s.ayahCount)} ayahs`,
      path,
    );
  return id;
}

/** A range given as two ends; both must exist and run in mushaf order. */
export function validateRange(
  index: QuranIndex,
  from: SurahAyah,
  to: SurahAyah,
  path: (string | number)[] = [],
): AyahRange {
  const range = { from: ayahIdOf(index, from, [...path, 'from']), to: ayahIdOf(index, to, [...path, 'to']) };
  if (range.from > range.to)
    throw invalidReference(
      `The range ${from.surah}:${from.ayah}-${to.surah}:${to.ayah} runs backwards: write it in mushaf order`,
      path,
    );
  return range;
}

/** "2:255", "2:255-257", "78:1-80:42", or a whole surah "2". */
export function formatRange(index: QuranIndex, { from, to }: AyahRange): string {
  const a = index.locate(from);
  const b = index.locate(to);
  if (a.surah === b.surah) {
    const s = index.surahRange(a.surah);
    if (from === s.from && to === s.to) return `${a.surah}`;
    return from === to ? `${a.surah}:${a.ayah}` : `${a.surah}:${a.ayah}-${b.ayah}`;
  }
  return `${a.surah}:${a.ayah}-${b.surah}:${b.ayah}`;
}

const DIVISIONS: Record<string, Division> = {
  juz: 'juz',
  juzz: 'juz',
  para: 'juz',
  hizb: 'hizb',
  rub: 'quarters',
  quarter: 'quarters',
  page: 'pages',
};

/** Arabic-Indic and Persian digits as ASCII, dashes as "-". */
function normalise(input: string): string {
  return input
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const NUMERIC = /^(\d+)(?:\s*:\s*(\d+))?(?:\s*-\s*(\d+)(?:\s*:\s*(\d+))?)?$/;

/**
 * Parses what a teacher types for a range of ayahs:
 * "2:255", "2:255-257", "78:1-80:42", "2" (a surah), "78-80" (surahs), "Al-Baqarah 255",
 * "al-baqarah 1-5", "An-Naba", "البقرة ٢٥٥", "juz 30", "hizb 59", "page 604". Anything that does not exist is a 400.
 */
export function parseAyahRange(index: QuranIndex, input: string, path: (string | number)[] = []): AyahRange {
  const text = normalise(input);
  if (text === '') throw invalidReference('A range of ayahs is required, e.g. 2:255 or 78:1-80:42', path);

  const division = /^([a-z]+)\s*(\d+)$/i.exec(text);
  if (division && DIVISIONS[division[1]!.toLowerCase()]) {
    const kind = DIVISIONS[division[1]!.toLowerCase()]!;
    const n = Number(division[2]);
    const range = index.divisionRange(kind, n);
    const names = { juz: 'juz', hizb: 'hizb', quarters: "rub' al-hizb", pages: 'page' };
    if (!range)
      throw invalidReference(
        `There is no ${names[kind]} ${n}: the mushaf has ${index.divisionCount(kind)} (1-${index.divisionCount(kind)})`,
        path,
      );
    return range;
  }

  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const [, s1, a1, x, a2] = numeric.map((v) => (v === undefined ? undefined : Number(v)));
    const fromSurah = s1!;
    if (a1 === undefined) {
      // "2" or "78-80": whole surahs.
      const toSurah = x ?? fromSurah;
      surahOrThrow(index, fromSurah, path);
      if (a2 !== undefined)
        return validateRange(index, { surah: fromSurah, ayah: 1 }, { surah: toSurah, ayah: a2 }, path);
      surahOrThrow(index, toSurah, path);
      if (toSurah < fromSurah)
        throw invalidReference(`The range ${text} runs backwards: write it in mushaf order`, path);
      return { from: index.surahRange(fromSurah).from, to: index.surahRange(toSurah).to };
    }
    if (x === undefined)
      return validateRange(index, { surah: fromSurah, ayah: a1 }, { surah: fromSurah, ayah: a1 }, path);
    // "2:255-257" stays in the surah; "78:1-80:42" crosses into another.
    const to = a2 === undefined ? { surah: fromSurah, ayah: x } : { surah: x, ayah: a2 };
    return validateRange(index, { surah: fromSurah, ayah: a1 }, to, path);
  }

  // A surah by name, then optionally "255" or "1-5".
  const named = /^(.*?)[\s:]*(\d+(?:\s*-\s*\d+)?)?$/.exec(text)!;
  const name = named[1]!.trim();
  const matches = name ? findSurahsByName(index.surahs, name) : [];
  if (matches.length === 0)
    throw invalidReference(
      `"${input.trim()}" is not a range of ayahs: write it like 2:255, 78:1-80:42 or Al-Baqarah 255`,
      path,
    );
  if (matches.length > 1)
    throw invalidReference(
      `"${name}" could be ${matches.map((s) => `${s.nameTransliterated} (${s.number})`).join(' or ')}: use the number`,
      path,
    );
  const surah = matches[0]!.number;
  if (!named[2]) return index.surahRange(surah);
  const [a, b] = named[2].split('-').map((v) => Number(v.trim()));
  return validateRange(index, { surah, ayah: a! }, { surah, ayah: b ?? a! }, path);
}
