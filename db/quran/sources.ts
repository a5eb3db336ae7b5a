// Node only (scripts, migrations, tests): reads the two packages the Quran data comes from. The worker never
// imports this file; it reads the loaded tables instead.
import { createRequire } from 'node:module';
import { HizbQuarterList, JuzList, PageList, SajdaList, SurahList } from 'quran-meta/hafs';

const require = createRequire(import.meta.url);

/** quran-json's dist/quran.json: the surahs with their ayahs, in mushaf order. */
export interface QuranJsonSurah {
  id: number;
  name: string;
  transliteration: string;
  type: 'meccan' | 'medinan';
  total_verses: number;
  verses: { id: number; text: string }[];
}

/** What the dataset is built from: the text (quran-json) and the structure (quran-meta's Hafs lists). */
export interface QuranSources {
  surahs: QuranJsonSurah[];
  /** Start ayah ids (global index), each list padded as quran-meta gives it: [0, first, ..., 6237]. */
  juzStarts: readonly number[];
  quarterStarts: readonly number[];
  pageStarts: readonly number[];
  sajdaAyahs: readonly number[];
  /** quran-meta's surah list: [startAyahId, ayahCount, revelationOrder, rukuCount, name, isMeccan]. */
  surahList: readonly (readonly [number, number, number, number, string, boolean])[];
  textSource: string;
  structureSource: string;
}

export function readQuranSources(): QuranSources {
  const textVersion = (require('quran-json/package.json') as { version: string }).version;
  const structureVersion = (require('quran-meta/package.json') as { version: string }).version;
  return {
    surahs: require('quran-json/dist/quran.json') as QuranJsonSurah[],
    juzStarts: JuzList,
    quarterStarts: HizbQuarterList,
    pageStarts: PageList,
    sajdaAyahs: SajdaList,
    surahList: SurahList as unknown as QuranSources['surahList'],
    textSource: `quran-json ${textVersion} (Uthmani Hafs text of the Noble Qur'an Encyclopedia, quranenc.com; CC-BY-4.0)`,
    structureSource: `quran-meta ${structureVersion} (Hafs juz, hizb, rub' and page boundaries; MIT)`,
  };
}
