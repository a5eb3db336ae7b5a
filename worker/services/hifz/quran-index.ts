/** A run of whole ayahs in mushaf order, by global index (1..6236), both ends included. */
export interface AyahRange {
  from: number;
  to: number;
}

export interface SurahInfo {
  number: number;
  nameArabic: string;
  nameTransliterated: string;
  ayahCount: number;
  firstAyahId: number;
}

/** The columns an index is made of: the surahs, and per ayah (in id order) its place in the mushaf. */
export interface QuranIndexColumns {
  surahs: readonly SurahInfo[];
  juz: readonly number[];
  hizb: readonly number[];
  quarter: readonly number[];
  page: readonly number[];
  lineStart: readonly number[];
  lineEnd: readonly number[];
  wordCount: readonly number[];
}

/** The divisions a revision rotation (manzil) can be counted in. */
export type Division = 'juz' | 'hizb' | 'quarters' | 'pages';

/**
 * The structure of the mushaf for the hifz rules: where each ayah is, and which ayahs each surah, juz,
 * hizb, rub' and page holds. Built from the loaded tables (worker) or from the packages (tests, PWA).
 */
export class QuranIndex {
  readonly ayahCount: number;
  readonly surahs: readonly SurahInfo[];
  private readonly surahOf: Int16Array;
  private readonly starts: Record<Division, number[]>;

  constructor(private readonly columns: QuranIndexColumns) {
    this.ayahCount = columns.juz.length;
    this.surahs = columns.surahs;
    this.surahOf = new Int16Array(this.ayahCount + 1);
    for (const s of columns.surahs) this.surahOf.fill(s.number, s.firstAyahId, s.firstAyahId + s.ayahCount);
    const startsOf = (column: readonly number[]) => {
      const out: number[] = [0];
      column.forEach((n, i) => {
        if (out[n] === undefined) out[n] = i + 1;
      });
      return out;
    };
    this.starts = {
      juz: startsOf(columns.juz),
      hizb: startsOf(columns.hizb),
      quarters: startsOf(columns.quarter),
      pages: startsOf(columns.page),
    };
  }

  isAyahId(id: number): boolean {
    return Number.isInteger(id) && id >= 1 && id <= this.ayahCount;
  }

  surah(number: number): SurahInfo | undefined {
    return Number.isInteger(number) ? this.surahs[number - 1] : undefined;
  }

  /** The global index of surah:ayah, or undefined when there is no such ayah. */
  ayahId(surah: number, ayah: number): number | undefined {
    const s = this.surah(surah);
    if (!s || !Number.isInteger(ayah) || ayah < 1 || ayah > s.ayahCount) return undefined;
    return s.firstAyahId + ayah - 1;
  }

  locate(id: number): { surah: number; ayah: number } {
    const surah = this.surahOf[id]!;
    return { surah, ayah: id - this.surahs[surah - 1]!.firstAyahId + 1 };
  }

  /** "2:255" */
  label(id: number): string {
    const { surah, ayah } = this.locate(id);
    return `${surah}:${ayah}`;
  }

  surahRange(surah: number): AyahRange {
    const s = this.surahs[surah - 1]!;
    return { from: s.firstAyahId, to: s.firstAyahId + s.ayahCount - 1 };
  }

  juzOf = (id: number) => this.columns.juz[id - 1]!;
  hizbOf = (id: number) => this.columns.hizb[id - 1]!;
  quarterOf = (id: number) => this.columns.quarter[id - 1]!;
  pageOf = (id: number) => this.columns.page[id - 1]!;
  wordCount = (id: number) => this.columns.wordCount[id - 1]!;
  lineStart = (id: number) => this.columns.lineStart[id - 1]!;
  lineEnd = (id: number) => this.columns.lineEnd[id - 1]!;

  /** The number of the juz, hizb, rub' or page an ayah is in. */
  divisionOf(division: Division, id: number): number {
    const column = {
      juz: this.columns.juz,
      hizb: this.columns.hizb,
      quarters: this.columns.quarter,
      pages: this.columns.page,
    };
    return column[division][id - 1]!;
  }

  divisionCount(division: Division): number {
    return this.starts[division].length - 1;
  }

  /** The ayahs of juz / hizb / rub' / page n. */
  divisionRange(division: Division, n: number): AyahRange | undefined {
    const starts = this.starts[division];
    if (!Number.isInteger(n) || n < 1 || n >= starts.length) return undefined;
    return { from: starts[n]!, to: (starts[n + 1] ?? this.ayahCount + 1) - 1 };
  }

  /** Text lines an ayah takes (surah headers excluded), in hundredths of a line. */
  textLines(id: number): number {
    return this.lineEnd(id) - this.lineStart(id);
  }
}

/** Per-ayah facts as the loaded table (or the dataset) holds them, in id order. */
export interface AyahPlacement {
  juz: number;
  hizb: number;
  quarter: number;
  page: number;
  lineStart: number;
  lineEnd: number;
  wordCount: number;
}

export function quranIndexFrom(surahs: readonly SurahInfo[], ayahs: readonly AyahPlacement[]): QuranIndex {
  const column = <K extends keyof AyahPlacement>(key: K) => ayahs.map((a) => a[key]);
  return new QuranIndex({
    surahs,
    juz: column('juz'),
    hizb: column('hizb'),
    quarter: column('quarter'),
    page: column('page'),
    lineStart: column('lineStart'),
    lineEnd: column('lineEnd'),
    wordCount: column('wordCount'),
  });
}
