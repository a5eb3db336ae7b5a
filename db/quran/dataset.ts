import { estimateLines } from './line-layout';
import type { QuranSources } from './sources';
import { splitWords } from './words';

export const AYAH_COUNT = 6236;
export const SURAH_COUNT = 114;
export const PAGE_COUNT = 604;
export const QUARTER_COUNT = 240;

const RUB_EL_HIZB = '\u06DE';
const SAJDA_SIGN = '\u06E9';

export interface SurahRecord {
  number: number;
  nameArabic: string;
  nameTransliterated: string;
  revelation: 'meccan' | 'medinan';
  ayahCount: number;
  firstAyahId: number;
  lastAyahId: number;
  basmalaHeader: boolean;
}

export interface AyahRecord {
  id: number;
  surah: number;
  ayah: number;
  juz: number;
  hizb: number;
  quarter: number;
  page: number;
  lineStart: number;
  lineEnd: number;
  sajda: boolean;
  wordCount: number;
  text: string;
}

/** A place where the structure package disagrees with the mushaf's own ۞ sign, and the sign was followed. */
export interface QuarterCorrection {
  quarter: number;
  structureSays: number;
  mushafSays: number;
}

export interface QuranDataset {
  textSource: string;
  structureSource: string;
  surahs: SurahRecord[];
  ayahs: AyahRecord[];
  quarterCorrections: QuarterCorrection[];
}

class DatasetError extends Error {}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new DatasetError(`Quran data: ${message}`);
}

/** Starts of the numbered parts (1-based) from a padded quran-meta list [0, start1, ..., startN, 6237]. */
function starts(list: readonly number[], count: number, what: string): number[] {
  check(list.length === count + 2 && list[0] === 0 && list[count + 1] === AYAH_COUNT + 1, `unexpected ${what} list`);
  return list.slice(1, count + 1);
}

/** For every ayah id (index 1..6236), the number of the part it belongs to. */
function partOf(partStarts: readonly number[]): Int16Array {
  const out = new Int16Array(AYAH_COUNT + 1);
  let part = 0;
  for (let id = 1; id <= AYAH_COUNT; id++) {
    while (part < partStarts.length && partStarts[part]! <= id) part++;
    out[id] = part;
  }
  return out;
}

/**
 * Rub' al-hizb starts, checked against the ۞ the mushaf prints at the head of every quarter that does not
 * open a surah. Where the two disagree by an ayah or two, the print wins; any other disagreement stops the load.
 */
function quarterStartsFromPrint(
  structure: readonly number[],
  texts: readonly string[],
  surahStarts: ReadonlySet<number>,
): { quarterStarts: number[]; corrections: QuarterCorrection[] } {
  const marks = new Set<number>();
  for (let id = 1; id <= AYAH_COUNT; id++) if (texts[id]!.startsWith(RUB_EL_HIZB)) marks.add(id);
  const used = new Set(structure.filter((s) => marks.has(s)));
  const corrections: QuarterCorrection[] = [];
  const quarterStarts = structure.map((start, i) => {
    if (marks.has(start) || surahStarts.has(start)) return start;
    const near = [start - 1, start + 1, start - 2, start + 2].find((id) => marks.has(id) && !used.has(id));
    check(near !== undefined, `quarter ${i + 1} starts at ayah ${start}, where the text has no ۞`);
    used.add(near);
    corrections.push({ quarter: i + 1, structureSays: start, mushafSays: near });
    return near;
  });
  check(used.size === marks.size, 'a ۞ in the text starts no quarter');
  return { quarterStarts, corrections };
}

/** The Quran as stored: text from quran-json, boundaries from quran-meta, each checked against the other. */
export function buildQuranDataset(sources: QuranSources): QuranDataset {
  check(sources.surahs.length === SURAH_COUNT, `expected ${SURAH_COUNT} surahs`);
  const texts: string[] = [''];
  const surahs: SurahRecord[] = sources.surahs.map((s, i) => {
    const [firstAyahId, ayahCount] = sources.surahList[i + 1]!;
    check(s.id === i + 1, `surah ${i + 1} out of order`);
    check(s.verses.length === ayahCount && s.total_verses === ayahCount, `surah ${s.id} has a different ayah count`);
    check(firstAyahId === texts.length, `surah ${s.id} starts at a different ayah`);
    s.verses.forEach((v, k) => {
      check(v.id === k + 1 && v.text.length > 0 && !/[\n\r]/.test(v.text), `ayah ${s.id}:${k + 1} is malformed`);
      texts.push(v.text);
    });
    return {
      number: s.id,
      nameArabic: s.name,
      nameTransliterated: s.transliteration,
      revelation: s.type,
      ayahCount,
      firstAyahId,
      lastAyahId: firstAyahId + ayahCount - 1,
      basmalaHeader: s.id !== 1 && s.id !== 9,
    };
  });
  check(texts.length === AYAH_COUNT + 1, `expected ${AYAH_COUNT} ayahs`);

  const surahStarts = new Set(surahs.map((s) => s.firstAyahId));
  const { quarterStarts, corrections } = quarterStartsFromPrint(
    starts(sources.quarterStarts, QUARTER_COUNT, 'rub al-hizb'),
    texts,
    surahStarts,
  );
  const quarterOf = partOf(quarterStarts);
  const juzOf = partOf(starts(sources.juzStarts, 30, 'juz'));
  const pageOf = partOf(starts(sources.pageStarts, PAGE_COUNT, 'page'));
  const sajdas = new Set(sources.sajdaAyahs);
  const surahOf = partOf(surahs.map((s) => s.firstAyahId));

  const layoutInput = [];
  for (let id = 1; id <= AYAH_COUNT; id++) {
    const surah = surahOf[id]!;
    const opensSurah = surahStarts.has(id);
    layoutInput.push({
      id,
      page: pageOf[id]!,
      text: texts[id]!,
      headerLines: !opensSurah ? 0 : surah === 1 || surah === 9 ? 1 : 2,
    });
  }
  const lines = estimateLines(layoutInput);

  const ayahs: AyahRecord[] = [];
  for (let id = 1; id <= AYAH_COUNT; id++) {
    const surah = surahOf[id]!;
    const quarter = quarterOf[id]!;
    check(Math.ceil(quarter / 8) === juzOf[id], `ayah ${id}: its juz and its rub' al-hizb disagree`);
    const text = texts[id]!;
    check(sajdas.has(id) === text.includes(SAJDA_SIGN), `ayah ${id}: sajda list and text disagree`);
    ayahs.push({
      id,
      surah,
      ayah: id - surahs[surah - 1]!.firstAyahId + 1,
      juz: juzOf[id]!,
      hizb: Math.ceil(quarter / 4),
      quarter,
      page: pageOf[id]!,
      lineStart: lines[id - 1]!.lineStart,
      lineEnd: lines[id - 1]!.lineEnd,
      sajda: sajdas.has(id),
      wordCount: splitWords(text).length,
      text,
    });
  }
  return {
    textSource: sources.textSource,
    structureSource: sources.structureSource,
    surahs,
    ayahs,
    quarterCorrections: corrections,
  };
}

/** SHA-256 (hex) of everything stored: the loader refuses a database that holds different data. */
export async function datasetChecksum(dataset: QuranDataset): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([dataset.surahs, dataset.ayahs]));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
