import { eq, sql } from 'drizzle-orm';
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

interface OpenAchievement {
  id: number;
  documentId: string;
  title: string;
  points: number;
  criteria: unknown;
  /** The progress stored for the learner, null before the first. */
  stored: number | null;
}

interface TotalsRow {
  courses: number;
  lessons: number;
  streak: number;
  scores: number[] | null;
  hifz: string[] | null;
}

/**
 * One statement: the achievements the learner has not earned (with the progress stored for each) and,
 * only when there are any, the learner's totals they are measured against.
 */
async function openAchievements(tx: Database, userId: number) {
  const { rows } = await tx.execute<{ open: OpenAchievement[]; totals: TotalsRow | null }>(sql`
    WITH open AS (
      SELECT a.id, a.document_id AS "documentId", a.title, a.points, a.criteria, ua.progress AS stored
      FROM ${achievements} a
      LEFT JOIN ${userAchievements} ua ON ua.achievement_id = a.id AND ua.user_id = ${userId}
      WHERE ua.earned_at IS NULL
      ORDER BY a.id
    )
    SELECT (SELECT coalesce(json_agg(open), '[]') FROM open) AS open,
      CASE WHEN EXISTS (SELECT 1 FROM open) THEN json_build_object(
        'courses', (SELECT count(*)::int FROM ${courseEnrollments} WHERE user_id = ${userId} AND status = 'completed'),
        'lessons', (SELECT count(*)::int FROM ${userProgresses} WHERE user_id = ${userId} AND completed),
        'streak', (SELECT coalesce(max(longest_streak), 0)::int FROM ${streaks} WHERE user_id = ${userId}),
        'scores', (SELECT array_agg(best) FROM (SELECT max(score) AS best FROM ${quizAttempts}
          WHERE user_id = ${userId} AND submitted_at IS NOT NULL AND NOT late GROUP BY quiz_id) q),
        'hifz', (SELECT array_agg(kind || ':' || number) FROM ${hifzMilestones} WHERE student_id = ${userId})
      ) END AS totals`);
  const { open, totals } = rows[0]!;
  return { open, totals: totals && asLearnerTotals(totals) };
}

const asLearnerTotals = (row: TotalsRow): LearnerTotals => ({
  coursesCompleted: row.courses,
  lessonsCompleted: row.lessons,
  longestStreak: row.streak,
  bestQuizScores: (row.scores ?? []).map(Number),
  hifzMilestones: row.hifz ?? [],
});

/**
 * Re-measures every achievement the learner has not earned and awards those now met, in two statements
 * whatever their number (none to write when nothing moved). The unique (user, achievement) index and
 * `earned_at = COALESCE(earned_at, now())` make an award happen once even when two requests race: the
 * loser's upsert waits on the row, then finds it already earned.
 */
export async function awardEarnedAchievements(tx: Database, userId: number, log: LearningLog): Promise<void> {
  const { open, totals } = await openAchievements(tx, userId);
  if (!totals) return;
  const moved = open.flatMap((achievement) => {
    const criteria = achievementCriteria.safeParse(achievement.criteria);
    if (!criteria.success) return [];
    const { progress, earned } = measure(criteria.data, totals);
    // Stored progress only grows: a measure at or below it changes nothing.
    if (!earned && progress <= (achievement.stored ?? 0)) return [];
    return [{ achievement, progress, earned }];
  });
  if (moved.length === 0) return;
  const input = JSON.stringify(
    moved.map(({ achievement, progress, earned }) => ({
      document_id: newId(),
      achievement_id: achievement.id,
      progress,
      earned,
    })),
  );
  const result = await tx.execute<{ achievementId: number; newly: boolean }>(sql`
    INSERT INTO ${userAchievements} (document_id, user_id, achievement_id, progress, earned_at)
    SELECT t.document_id, ${userId}, t.achievement_id, t.progress, CASE WHEN t.earned THEN now() END
    FROM jsonb_to_recordset(${input}::jsonb) AS t(document_id text, achievement_id int, progress int, earned boolean)
    ON CONFLICT (user_id, achievement_id) DO UPDATE SET
      progress = GREATEST(${userAchievements.progress}, excluded.progress),
      earned_at = COALESCE(${userAchievements.earnedAt}, excluded.earned_at),
      updated_at = now()
    RETURNING achievement_id AS "achievementId", (earned_at IS NOT NULL AND earned_at = now()) AS newly`);
  const newly = new Set(result.rows.filter((r) => r.newly).map((r) => r.achievementId));
  for (const { achievement } of moved)
    if (newly.has(achievement.id))
      log.add({
        kind: 'badge_earned',
        achievement: { documentId: achievement.documentId, title: achievement.title, points: achievement.points },
      });
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
