import { and, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { hifzSessions } from '../../../db/schema';
import type { HifzMistakeTypeName, HifzProgress, HifzWeek } from '../../contract/hifz';
import { studentRef, type HifzStudent } from './access';
import { listMilestones } from './milestone-records';
import { rangeOf } from './plan-records';
import { findHifzPlan } from './plans';
import type { QuranIndex } from './quran-index';
import { daysBefore } from './school-day';
import { loadHifzHistory, memorisedOf } from './sessions';
import { ayahStrengths, quranMap, weakestAyahs } from './strength';

/** The student's Quran map, the ayahs to revise first, days present and milestones, as of `today`. */
export async function studentProgress(
  db: Database,
  index: QuranIndex,
  student: HifzStudent,
  today: string,
): Promise<HifzProgress> {
  const [plan, history, presence, milestones] = await Promise.all([
    findHifzPlan(db, student.id),
    loadHifzHistory(db, student.id),
    db
      .select({
        last7: sql<number>`count(*) FILTER (WHERE ${hifzSessions.heldOn} > ${daysBefore(today, 7)})::int`,
        last30: sql<number>`count(*)::int`,
      })
      .from(hifzSessions)
      .where(
        and(
          eq(hifzSessions.studentId, student.id),
          eq(hifzSessions.attendance, 'present'),
          gte(hifzSessions.heldOn, daysBefore(today, 29)),
          sql`${hifzSessions.heldOn} <= ${today}`,
        ),
      ),
    listMilestones(db, index, student.id),
  ]);
  const memorised = memorisedOf(index, plan, history);
  const strengths = ayahStrengths(index, memorised, history, today);
  const cells = quranMap(index, strengths);
  let memorisedJuz = 0;
  for (let juz = 1; juz <= index.divisionCount('juz'); juz++) {
    const { from, to } = index.divisionRange('juz', juz)!;
    if (memorised.subarray(from, to + 1).every(Boolean)) memorisedJuz++;
  }
  return {
    student: studentRef(student),
    day: today,
    memorisedAyahs: strengths.size,
    memorisedJuz,
    cells,
    weakAyahs: weakestAyahs(strengths, 20).map((s) => ({
      ayahId: s.ayahId,
      label: index.label(s.ayahId),
      strength: s.strength,
      lastHeard: s.lastHeard,
    })),
    daysPresent: { last7: presence[0]?.last7 ?? 0, last30: presence[0]?.last30 ?? 0 },
    milestones,
  };
}

/** The seven days ending `to`: what a parent reads each week. */
export async function studentWeek(
  db: Database,
  index: QuranIndex,
  student: HifzStudent,
  to: string,
): Promise<HifzWeek> {
  const from = daysBefore(to, 6);
  const [plan, history, attendance, milestones] = await Promise.all([
    findHifzPlan(db, student.id),
    loadHifzHistory(db, student.id),
    db
      .select({ attendance: hifzSessions.attendance, days: sql<number>`count(DISTINCT ${hifzSessions.heldOn})::int` })
      .from(hifzSessions)
      .where(
        and(
          eq(hifzSessions.studentId, student.id),
          gte(hifzSessions.heldOn, from),
          sql`${hifzSessions.heldOn} <= ${to}`,
        ),
      )
      .groupBy(hifzSessions.attendance),
    listMilestones(db, index, student.id),
  ]);
  const before = history.filter((c) => c.heldOn < from);
  const upTo = history.filter((c) => c.heldOn <= to);
  const known = memorisedOf(index, plan, before);
  const now = memorisedOf(index, plan, upTo);
  let newAyahs = 0;
  for (let id = 1; id <= index.ayahCount; id++) if (now[id] && !known[id]) newAyahs++;
  const week = upTo.filter((c) => c.heldOn >= from);
  const mistakesByType: Record<HifzMistakeTypeName, number> = {
    forgotten_word: 0,
    wrong_word: 0,
    tajweed: 0,
    hesitation: 0,
  };
  for (const c of week) for (const m of c.mistakes) mistakesByType[m.type]++;
  const days = (kind: string) => attendance.find((a) => a.attendance === kind)?.days ?? 0;
  return {
    student: studentRef(student),
    from,
    to,
    daysPresent: days('present'),
    daysAbsent: days('absent'),
    newAyahs,
    checks: week.map((c) => ({
      kind: c.kind,
      heldOn: c.heldOn,
      range: rangeOf(index, c),
      grade: c.grade,
      mistakes: c.mistakes.length,
    })),
    mistakesByType,
    milestones: milestones.filter((m) => m.reachedOn !== undefined && m.reachedOn >= from && m.reachedOn <= to),
  };
}
