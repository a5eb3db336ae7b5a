import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { hifzMilestones } from '../../../db/schema';
import type { HifzMilestone } from '../../contract/hifz';
import type { Milestone } from './milestones';
import type { AyahRange, QuranIndex } from './quran-index';

/** "Surah An-Naba", "Juz 30", "5 juz": how the milestone is named in answers, statements and the log. */
export function milestoneLabel(index: QuranIndex, m: Milestone): string {
  if (m.kind === 'surah') return `Surah ${index.surah(m.number)?.nameTransliterated ?? m.number}`;
  if (m.kind === 'juz') return `Juz ${m.number}`;
  return `${m.number} juz`;
}

/** The ayahs a milestone covers (for juz_count: none in particular, so the whole mushaf). */
export function milestoneRange(index: QuranIndex, m: Milestone): AyahRange {
  if (m.kind === 'surah') return index.surahRange(m.number);
  if (m.kind === 'juz') return index.divisionRange('juz', m.number)!;
  return { from: 1, to: index.ayahCount };
}

export const presentMilestone = (index: QuranIndex, m: Milestone, reachedOn?: string): HifzMilestone => ({
  kind: m.kind,
  number: m.number,
  ...(reachedOn ? { reachedOn } : {}),
  label: milestoneLabel(index, m),
});

export async function listMilestones(db: Database, index: QuranIndex, studentId: number): Promise<HifzMilestone[]> {
  const rows = await db
    .select({ kind: hifzMilestones.kind, number: hifzMilestones.number, reachedOn: hifzMilestones.reachedOn })
    .from(hifzMilestones)
    .where(eq(hifzMilestones.studentId, studentId))
    .orderBy(asc(hifzMilestones.reachedOn), asc(hifzMilestones.id));
  return rows.map((r) => presentMilestone(index, r, r.reachedOn));
}
