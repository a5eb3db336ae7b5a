// The Quran text on the phone: one static file (static/quran/quran-hafs.json, built from the same packages
// as the worker's tables), fetched once and kept by the service worker, so the teacher's session and a
// student's recitation show the words offline. Word n of an ayah is its n-th space-separated token, the same
// cut the worker uses for mistakes (db/quran/words.ts), so "114:4:2" points at the same word everywhere.
import type { QuranPwaFile } from '../../../../db/quran/pwa-file';

export interface SurahName {
  number: number;
  arabic: string;
  transliterated: string;
  ayahCount: number;
  firstAyahId: number;
}

export class QuranText {
  readonly surahs: SurahName[];
  readonly ayahCount: number;
  private readonly texts: string[];
  private readonly surahOf: Int16Array;
  private readonly juzStarts: number[];

  constructor(file: QuranPwaFile) {
    this.texts = file.text.split('\n');
    this.ayahCount = this.texts.length;
    let first = 1;
    this.surahs = file.surahs.map(([arabic, transliterated, , ayahCount], i) => {
      const s = { number: i + 1, arabic, transliterated, ayahCount, firstAyahId: first };
      first += ayahCount;
      return s;
    });
    this.surahOf = new Int16Array(this.ayahCount + 1);
    for (const s of this.surahs) this.surahOf.fill(s.number, s.firstAyahId, s.firstAyahId + s.ayahCount);
    this.juzStarts = file.juzStarts;
  }

  /** surah:ayah of a global ayah id (1..6236). */
  locate(id: number): { surah: number; ayah: number } {
    const surah = this.surahOf[id]!;
    return { surah, ayah: id - this.surahs[surah - 1]!.firstAyahId + 1 };
  }

  label(id: number): string {
    const { surah, ayah } = this.locate(id);
    return `${surah}:${ayah}`;
  }

  words(id: number): string[] {
    return this.texts[id - 1]!.split(' ');
  }

  juzOf(id: number): number {
    let juz = 0;
    while (juz < this.juzStarts.length && this.juzStarts[juz]! <= id) juz++;
    return juz;
  }

  surah(number: number): SurahName | undefined {
    return this.surahs[number - 1];
  }
}

let loading: Promise<QuranText> | null = null;

/** The text, fetched the first time a page needs it (about 200 KB compressed); offline from the service worker. */
export function loadQuran(fetcher: typeof fetch = fetch): Promise<QuranText> {
  loading ??= fetcher('/quran/quran-hafs.json')
    .then((response) => {
      if (!response.ok) throw new Error(`The Quran text could not be loaded (${response.status})`);
      return response.json() as Promise<QuranPwaFile>;
    })
    .then((file) => new QuranText(file))
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
