// What the learner home shows above the courses: points, today's streak, the lessons touched last and
// badges earned lately. A part the phone cannot reach while offline is left out, not an error.
import { NetworkError } from '$lib/api/errors';
import type { ListResponse, StudentStats, Streak, UserAchievement, UserProgress } from '$lib/api/types';
import type { RecentLesson } from './continue-learning';
import { recentlyEarned } from './new-badges';
import { readThrough } from './read-through';
import { streakToday, type StreakToday } from './streak-today';

/** The lessons the learner touched last, newest first. */
const recentProgressQuery = {
  sort: ['lastAccessed:desc'],
  populate: { lesson: { fields: ['title'] } },
  pagination: { pageSize: 5 },
};

const earnedBadgesQuery = {
  filters: { earnedAt: { $notNull: true } },
  sort: ['earnedAt:desc'],
  populate: { achievement: { fields: ['title', 'points'] } },
  pagination: { pageSize: 10 },
};

export interface NewBadge {
  documentId: string;
  title: string;
  points: number;
  earnedAt: string;
}

export interface HomeExtras {
  points: number | null;
  badgesEarned: number | null;
  streak: StreakToday | null;
  recent: RecentLesson[];
  newBadges: NewBadge[];
}

/** Offline: each part from the phone's copy when it has one, else left out (null or empty). */
export async function loadHomeExtras(timeZone: string, signal?: AbortSignal): Promise<HomeExtras> {
  const [stats, streaks, progress, badges] = await Promise.all([
    optional(readThrough<{ data: StudentStats }>('/progress-stats', undefined, signal)),
    optional(readThrough<ListResponse<Streak>>('/streaks', undefined, signal)),
    optional(readThrough<ListResponse<UserProgress>>('/user-progresses', recentProgressQuery, signal)),
    optional(readThrough<ListResponse<UserAchievement>>('/user-achievements', earnedBadgesQuery, signal)),
  ]);
  const learning = streaks?.data.find((s) => s.type === 'lesson_completion');
  return {
    points: stats?.data.totals.points ?? null,
    badgesEarned: stats?.data.totals.achievementsEarned ?? null,
    streak: streaks ? streakToday(learning, new Date(), timeZone) : null,
    recent: (progress?.data ?? []).flatMap((p) =>
      p.lesson
        ? [{ lesson: p.lesson.documentId, completed: p.completed, progress: p.progress, lastAccessed: p.lastAccessed }]
        : [],
    ),
    newBadges: recentlyEarned(
      (badges?.data ?? []).flatMap((b) =>
        b.achievement && b.earnedAt
          ? [
              {
                documentId: b.achievement.documentId,
                title: b.achievement.title,
                points: b.achievement.points,
                earnedAt: b.earnedAt,
              },
            ]
          : [],
      ),
      new Date(),
    ),
  };
}

async function optional<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof NetworkError) return null;
    throw error;
  }
}
