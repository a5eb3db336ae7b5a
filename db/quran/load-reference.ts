import { sql } from 'drizzle-orm';
import type { Database } from '../client';
import { quranAyahs, quranReference, quranSurahs } from '../schema';
import { buildQuranDataset, datasetChecksum, type QuranDataset } from './dataset';
import { readQuranSources } from './sources';

/** Rows per INSERT: 2,000 ayahs x 12 columns stays below Postgres' 65,535 bound parameters. */
const CHUNK = 2000;

export type LoadOutcome = 'loaded' | 'present';

/**
 * Puts the Quran's reference tables in place, once: run after the migrations by `npm run db:migrate`
 * (and so by `npm start` and the tests). A database that already holds the same data is left alone; one
 * that holds different data (another package version) is refused rather than rewritten under the
 * recorded checks and mistakes that point into it.
 */
export async function loadQuranReference(
  db: Database,
  dataset: QuranDataset = buildQuranDataset(readQuranSources()),
): Promise<LoadOutcome> {
  const checksum = await datasetChecksum(dataset);
  const [present] = await db.select().from(quranReference);
  if (present) {
    if (present.checksum === checksum) return 'present';
    throw new Error(
      `The Quran reference data in this database (${present.textSource}; ${present.structureSource}) differs from ` +
        `what the installed packages give (${dataset.textSource}; ${dataset.structureSource}). ` +
        'Changing it needs a deliberate migration: recorded checks and mistakes point into it.',
    );
  }
  await db.transaction(async (tx) => {
    await tx.insert(quranSurahs).values(dataset.surahs);
    for (let i = 0; i < dataset.ayahs.length; i += CHUNK) {
      await tx.insert(quranAyahs).values(dataset.ayahs.slice(i, i + CHUNK));
    }
    // Words are cut in SQL by the rule of db/quran/words.ts (split at U+0020 only), straight from the rows.
    await tx.execute(sql`
      INSERT INTO quran_words (ayah_id, position, text)
      SELECT a.id, w.position, w.word
      FROM quran_ayahs a, unnest(string_to_array(a.text, ' ')) WITH ORDINALITY AS w(word, position)`);
    await tx.insert(quranReference).values({
      checksum,
      textSource: dataset.textSource,
      structureSource: dataset.structureSource,
    });
  });
  return 'loaded';
}
