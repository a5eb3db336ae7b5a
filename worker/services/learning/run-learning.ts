import type { Database } from '../../../db/client';
import type { AuthUser } from '../../env';
import { recordLearningEvents } from '../xapi/statements';
import { awardEarnedAchievements } from './achievements';
import { issueCertificate } from '../certificates/issue-certificate';
import { LearningLog } from './learning-log';
import { recordStreakActivity } from './streaks';

/**
 * One request's learning work in one transaction: the rule itself (`work`), then what follows from it —
 * the lesson-completion streak, certificates for completed courses, achievements — and the xAPI
 * statements of everything that happened. Either all of it commits or none of it does.
 */
export async function inLearningTransaction<T>(
  db: Database,
  user: AuthUser,
  origin: string,
  work: (tx: Database, log: LearningLog) => Promise<T>,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const log = new LearningLog();
    const result = await work(tx, log);
    // Oldest first: a streak only moves forward in time (streak-rules.ts).
    for (const at of [...log.completionTimes].sort((a, b) => a.getTime() - b.getTime()))
      await recordStreakActivity(tx, user.id, 'lesson_completion', at);
    for (const course of log.completedCourses) await issueCertificate(tx, user.id, course.documentId, now);
    if (log.events.length > 0) await awardEarnedAchievements(tx, user.id, log);
    await recordLearningEvents(tx, { id: user.id, documentId: user.documentId }, log.events, {
      origin,
      timestamp: now,
    });
    return { result, log };
  });
}

/** What a learning response tells the client besides its data: badges just earned, courses finished. */
export function learningMeta(log: LearningLog) {
  return { earnedAchievements: log.earnedAchievements, completedCourses: log.completedCourses };
}
