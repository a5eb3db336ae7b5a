import { asc } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { quranAyahs, quranSurahs } from '../../../db/schema';
import { quranIndexFrom, type QuranIndex } from './quran-index';

// Reference data never changes once loaded (db/quran/load-reference.ts refuses to rewrite it), so an isolate
// reads it once: two statements, about 6,300 small rows.
let cached: Promise<QuranIndex> | undefined;

/** The mushaf's structure from the loaded tables, read once per isolate. */
export function loadQuranIndex(db: Database): Promise<QuranIndex> {
  cached ??= (async () => {
    const surahs = await db
      .select({
        number: quranSurahs.number,
        nameArabic: quranSurahs.nameArabic,
        nameTransliterated: quranSurahs.nameTransliterated,
        ayahCount: quranSurahs.ayahCount,
        firstAyahId: quranSurahs.firstAyahId,
      })
      .from(quranSurahs)
      .orderBy(asc(quranSurahs.number));
    const ayahs = await db
      .select({
        juz: quranAyahs.juz,
        hizb: quranAyahs.hizb,
        quarter: quranAyahs.quarter,
        page: quranAyahs.page,
        lineStart: quranAyahs.lineStart,
        lineEnd: quranAyahs.lineEnd,
        wordCount: quranAyahs.wordCount,
      })
      .from(quranAyahs)
      .orderBy(asc(quranAyahs.id));
    if (ayahs.length === 0) throw new Error('The Quran reference tables are empty: run npm run db:migrate');
    return quranIndexFrom(surahs, ayahs);
  })().catch((error) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
