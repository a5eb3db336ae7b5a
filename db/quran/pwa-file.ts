import type { AyahRecord, QuranDataset, SurahRecord } from './dataset';

/**
 * The Quran as one static file for the PWA: downloaded once, cached offline by the service worker, and
 * enough to show any ayah and build the same index the worker uses. The text is one string with an ayah
 * per line (no ayah contains a line break), exactly as the package gives it; the structure is lists of
 * the first ayah of each juz, rub' and page. Compresses to about a quarter (see scripts/build-quran-data.ts).
 */
export interface QuranPwaFile {
  format: 1;
  checksum: string;
  textSource: string;
  structureSource: string;
  /** [nameArabic, nameTransliterated, revelation, ayahCount, basmalaHeader] */
  surahs: [string, string, 'meccan' | 'medinan', number, boolean][];
  juzStarts: number[];
  quarterStarts: number[];
  pageStarts: number[];
  sajdas: number[];
  lineStart: number[];
  lineEnd: number[];
  text: string;
}

const startsOf = (ayahs: readonly AyahRecord[], key: 'juz' | 'quarter' | 'page') =>
  ayahs.filter((a, i) => i === 0 || ayahs[i - 1]![key] !== a[key]).map((a) => a.id);

export function toPwaFile(dataset: QuranDataset, checksum: string): QuranPwaFile {
  return {
    format: 1,
    checksum,
    textSource: dataset.textSource,
    structureSource: dataset.structureSource,
    surahs: dataset.surahs.map((s) => [s.nameArabic, s.nameTransliterated, s.revelation, s.ayahCount, s.basmalaHeader]),
    juzStarts: startsOf(dataset.ayahs, 'juz'),
    quarterStarts: startsOf(dataset.ayahs, 'quarter'),
    pageStarts: startsOf(dataset.ayahs, 'page'),
    sajdas: dataset.ayahs.filter((a) => a.sajda).map((a) => a.id),
    lineStart: dataset.ayahs.map((a) => a.lineStart),
    lineEnd: dataset.ayahs.map((a) => a.lineEnd),
    text: dataset.ayahs.map((a) => a.text).join('\n'),
  };
}

/** The surahs and ayahs back from the file, as the dataset holds them. */
export function fromPwaFile(file: QuranPwaFile): { surahs: SurahRecord[]; ayahs: AyahRecord[] } {
  let firstAyahId = 1;
  const surahs = file.surahs.map(([nameArabic, nameTransliterated, revelation, ayahCount, basmalaHeader], i) => {
    const s = {
      number: i + 1,
      nameArabic,
      nameTransliterated,
      revelation,
      ayahCount,
      firstAyahId,
      lastAyahId: firstAyahId + ayahCount - 1,
      basmalaHeader,
    };
    firstAyahId += ayahCount;
    return s;
  });
  const partOf = (starts: number[], id: number) => {
    let n = 0;
    while (n < starts.length && starts[n]! <= id) n++;
    return n;
  };
  const sajdas = new Set(file.sajdas);
  const texts = file.text.split('\n');
  const ayahs: AyahRecord[] = [];
  for (const s of surahs)
    for (let ayah = 1; ayah <= s.ayahCount; ayah++) {
      const id = s.firstAyahId + ayah - 1;
      const quarter = partOf(file.quarterStarts, id);
      const text = texts[id - 1]!;
      ayahs.push({
        id,
        surah: s.number,
        ayah,
        juz: partOf(file.juzStarts, id),
        hizb: Math.ceil(quarter / 4),
        quarter,
        page: partOf(file.pageStarts, id),
        lineStart: file.lineStart[id - 1]!,
        lineEnd: file.lineEnd[id - 1]!,
        sajda: sajdas.has(id),
        wordCount: text.split(' ').length,
        text,
      });
    }
  return { surahs, ayahs };
}
