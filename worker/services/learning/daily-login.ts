import type { Database } from '../../../db/client';
import type { AuthUser } from '../../env';
import { awardEarnedAchievements } from './achievements';
import { inLearningTransaction } from './run-learning';
import { dailyLoginCountedToday, recordStreakActivity } from './streaks';

/**
 * Signing in is the daily_login streak's activity, for learners (students) only, once per local day
 * (see streak-rules.ts).
 */
export async function countDailyLogin(
  db: Database,
  learner: AuthUser,
  origin: string,
  now = new Date(),
): Promise<void> {
  if (learner.role !== 'student') return;
  // Most sign-ins are not the first of the day: one read settles those without a transaction.
  if (await dailyLoginCountedToday(db, learner.id, now)) return;
  await inLearningTransaction(
    db,
    learner,
    origin,
    async (tx, log) => {
      await recordStreakActivity(tx, learner.id, 'daily_login', now);
      await awardEarnedAchievements(tx, learner.id, log);
    },
    now,
  );
}
