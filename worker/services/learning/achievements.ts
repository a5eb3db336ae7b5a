import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import {
  achievements,
  courseEnrollments,
  hifzMilestones,
  quizAttempts,
  streaks,
  userAchievements,
  userProgresses,
} from '../../../db/schema';
import { achievementCriteria } from '../../contract/achievement-criteria';
import type { LearningLog } from './learning-log';
import { measure, type LearnerTotals } from './achievement-rules';
import { newDocumentId as newId } from '../../../db/schema/document-id';

async function learnerTotals(tx: Database, userId: number): Promise<LearnerTotals> {
  const result = await tx.execute<{
    courses: number;
    lessons: number;
    streak: number;
    scores: number[] | null;
    hifz: string[] | null;
  }>(sql`
    SELECT
      (SELECT count(*)::int FROM ${courseEnrollments} WHERE user_id = ${userId} AND status = 'completed') AS courses,
      (SELECT count(*)::int FROM ${userProgresses} WHERE user_id = ${userId} AND completed) AS lessons,
      (SELECT coalesce(max(longest_streak), 0)::int FROM ${streaks} WHERE user_id = ${userId}) AS streak,
      (SELECT array_agg(best) FROM (SELECT max(score) AS best FROM ${quizAttempts} WHERE user_id = ${userId} AND submitted_at IS NOT NULL AND NOT late GROUP BY quiz_id) q) AS scores,
      (SELECT array_agg(kind || ':' || number) FROM ${hifzMilestones} WHERE student_id = ${userId}) AS hifz`);
  const row = result.rows[0]!;
  return {
    coursesCompleted: row.courses,
    lessonsCompleted: row.lessons,
    longestStreak: row.streak,
    bestQuizScores: (row.scores ?? []).map(Number),
    hifzMilestones: row.hifz ?? [],
  };
}

/**
 * Re-measures every achievement the learner has not earned and awards those now met. The unique
 * (user, achievement) index and `earned_at = COALESCE(earned_at, now())` make an award happen once even
 * when two requests race: the loser's upsert waits on the row, then finds it already earned.
 */
export async function awardEarnedAchievements(tx: Database, userId: number, log: LearningLog): Promise<void> {
  const open = await tx
    .select({
      id: achievements.id,
      documentId: achievements.documentId,
      title: achievements.title,
      points: achievements.points,
      criteria: achievements.criteria,
    })
    .from(achievements)
    .leftJoin(
      userAchievements,
      and(eq(userAchievements.achievementId, achievements.id), eq(userAchievements.userId, userId)),
    )
    .where(isNull(userAchievements.earnedAt));
  if (open.length === 0) return;
  const totals = await learnerTotals(tx, userId);
  for (const achievement of open) {
    const criteria = achievementCriteria.safeParse(achievement.criteria);
    if (!criteria.success) continue;
    const { progress, earned } = measure(criteria.data, totals);
    if (progress === 0 && !earned) continue;
    const result = await tx.execute<{ newly: boolean }>(sql`
      INSERT INTO ${userAchievements} (document_id, user_id, achievement_id, progress, earned_at)
      VALUES (${newId()}, ${userId}, ${achievement.id}, ${progress}, ${earned ? sql`now()` : null})
      ON CONFLICT (user_id, achievement_id) DO UPDATE SET
        progress = GREATEST(${userAchievements.progress}, excluded.progress),
        earned_at = COALESCE(${userAchievements.earnedAt}, excluded.earned_at),
        updated_at = now()
      RETURNING (earned_at IS NOT NULL AND earned_at = now()) AS newly`);
    if (result.rows[0]?.newly)
      log.add({
        kind: 'badge_earned',
        achievement: { documentId: achievement.documentId, title: achievement.title, points: achievement.points },
      });
  }
}

/** A teacher's manual award: earned now, full progress, who awarded it kept in metadata. */
export async function awardManually(
  tx: Database,
  userId: number,
  achievementId: number,
  awardedBy: number,
  log: LearningLog,
): Promise<boolean> {
  const result = await tx.execute<{ newly: boolean }>(sql`
    INSERT INTO ${userAchievements} (document_id, user_id, achievement_id, progress, earned_at, metadata)
    VALUES (${newId()}, ${userId}, ${achievementId}, 100, now(), ${JSON.stringify({ awardedBy, manual: true })}::jsonb)
    ON CONFLICT (user_id, achievement_id) DO UPDATE SET
      progress = 100,
      earned_at = COALESCE(${userAchievements.earnedAt}, now()),
      metadata = CASE WHEN ${userAchievements.earnedAt} IS NULL THEN excluded.metadata ELSE ${userAchievements.metadata} END,
      updated_at = now()
    RETURNING (earned_at = now()) AS newly`);
  const newly = result.rows[0]?.newly ?? false;
  if (newly) {
    const [a] = await tx
      .select({ documentId: achievements.documentId, title: achievements.title, points: achievements.points })
      .from(achievements)
      .where(eq(achievements.id, achievementId));
    log.add({ kind: 'badge_earned', achievement: a! });
  }
  return newly;
}
