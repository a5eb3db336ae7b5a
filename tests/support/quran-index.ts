import { buildQuranDataset } from '../../db/quran/dataset';
import { readQuranSources } from '../../db/quran/sources';
import { quranIndexFrom, type QuranIndex } from '../../worker/services/hifz/quran-index';

let cached: QuranIndex | undefined;

/** The index the worker builds from the loaded tables, built here from the packages (unit tests, no database). */
export function testQuranIndex(): QuranIndex {
  cached ??= (() => {
    const dataset = buildQuranDataset(readQuranSources());
    return quranIndexFrom(dataset.surahs, dataset.ayahs);
  })();
  return cached;
}
