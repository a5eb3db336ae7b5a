// Every badge of the school with the learner's progress towards it: earned ones first (newest first),
// then those in progress (closest first), then the rest.
import type { Achievement, AchievementCriteria, UserAchievement } from '$lib/api/types';

export interface BadgeView {
  documentId: string;
  title: string;
  description: string | null;
  points: number;
  badgeType: Achievement['badgeType'];
  criteria: AchievementCriteria | null;
  progress: number;
  earnedAt: string | null;
}

const CRITERIA_TYPES = new Set(['course_completion', 'quiz_mastery', 'streak', 'participation']);

/** The criteria when the app knows how to describe them; a kind added later is shown without a rule. */
export function readCriteria(value: Record<string, unknown>): AchievementCriteria | null {
  return typeof value.type === 'string' && CRITERIA_TYPES.has(value.type) ? (value as AchievementCriteria) : null;
}

export function badgeViews(achievements: Achievement[], records: UserAchievement[]): BadgeView[] {
  const byAchievement = new Map(
    records.flatMap((r) => (r.achievement ? [[r.achievement.documentId, r] as const] : [])),
  );
  const views = achievements.map((a): BadgeView => {
    const record = byAchievement.get(a.documentId);
    return {
      documentId: a.documentId,
      title: a.title,
      description: a.description,
      points: a.points,
      badgeType: a.badgeType,
      criteria: readCriteria(a.criteria),
      progress: record?.earnedAt ? 100 : (record?.progress ?? 0),
      earnedAt: record?.earnedAt ?? null,
    };
  });
  return views.sort(
    (a, b) =>
      Number(!!b.earnedAt) - Number(!!a.earnedAt) ||
      (b.earnedAt ?? '').localeCompare(a.earnedAt ?? '') ||
      b.progress - a.progress ||
      a.points - b.points,
  );
}
