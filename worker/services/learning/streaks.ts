import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { streaks, userProfiles } from '../../../db/schema';
import type { LearningLog } from './learning-log';
import { applyActivity, localDate } from './streak-rules';

type StreakKind = 'daily_login' | 'lesson_completion';

async function timeZoneOf(tx: Database, userId: number): Promise<string> {
  const [row] = await tx
    .select({ timeZone: userProfiles.timeZone })
    .from(userProfiles)
    .where(eq(userProfiles.userId, userId));
  return row?.timeZone ?? 'UTC';
}

/**
 * Counts activity towards a streak, under a row lock so that two requests at once cannot both add the
 * same day. Dates are the learner's local dates (streak-rules.ts has the rules).
 */
export async function recordStreakActivity(
  tx: Database,
  userId: number,
  kind: StreakKind,
  at: Date,
  _log?: LearningLog,
): Promise<{ current: number; longest: number }> {
  const zone = await timeZoneOf(tx, userId);
  await tx.insert(streaks).values({ userId, type: kind }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(streaks)
    .where(and(eq(streaks.userId, userId), eq(streaks.type, kind)))
    .for('update');
  const state = {
    current: row!.currentStreak,
    longest: row!.longestStreak,
    lastDate: row!.lastActivityDate ? localDate(row!.lastActivityDate, zone) : null,
    startDate: row!.streakStartDate ? localDate(row!.streakStartDate, zone) : null,
  };
  const next = applyActivity(state, localDate(at, zone));
  if (next === state) return { current: state.current, longest: state.longest };
  await tx
    .update(streaks)
    .set({
      currentStreak: next.current,
      longestStreak: next.longest,
      lastActivityDate: at,
      streakStartDate: next.startDate === state.startDate ? row!.streakStartDate : at,
      updatedAt: new Date(),
    })
    .where(eq(streaks.id, row!.id));
  return { current: next.current, longest: next.longest };
}

/** Whether the learner's daily_login streak already counts today (in their time zone). */
export async function dailyLoginCountedToday(db: Database, userId: number, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ last: streaks.lastActivityDate, timeZone: userProfiles.timeZone })
    .from(streaks)
    .leftJoin(userProfiles, eq(userProfiles.userId, streaks.userId))
    .where(and(eq(streaks.userId, userId), eq(streaks.type, 'daily_login')));
  if (!row?.last) return false;
  const zone = row.timeZone ?? 'UTC';
  return localDate(row.last, zone) === localDate(now, zone);
}
