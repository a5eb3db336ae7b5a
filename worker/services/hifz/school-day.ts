import type { Database } from '../../../db/client';
import { localDate } from '../learning/streak-rules';
import { readSchoolSettings } from '../stats/school-settings';

/** Today on the school's calendar (its time zone): the day a sitting belongs to and proposals are made for. */
export async function schoolToday(db: Database, now = new Date()): Promise<string> {
  const settings = await readSchoolSettings(db);
  return localDate(now, settings.school.timeZone);
}

/** The calendar day `days` before (negative: after) `day`. */
export function daysBefore(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}
