// The achievements page's data: every badge with the learner's progress, streaks, points, certificates,
// and whether the school shows leaderboards. Offline, through the phone's copy of an earlier visit.
import type {
  Achievement,
  Certificate,
  ListResponse,
  PublicSchoolSettings,
  Streak,
  StudentStats,
  UserAchievement,
} from '$lib/api/types';
import { badgeViews, type BadgeView } from './badges';
import { readThrough } from './read-through';
import { streakToday, type StreakToday } from './streak-today';

export interface AchievementsPage {
  badges: BadgeView[];
  streak: StreakToday;
  points: number;
  certificates: Certificate[];
  leaderboardShown: boolean;
}

export async function loadAchievementsPage(timeZone: string, signal?: AbortSignal): Promise<AchievementsPage> {
  const [achievements, records, streaks, stats, certificates, settings] = await Promise.all([
    readThrough<ListResponse<Achievement>>(
      '/achievements',
      { sort: ['points:asc'], pagination: { pageSize: 100 } },
      signal,
    ),
    readThrough<ListResponse<UserAchievement>>(
      '/user-achievements',
      { populate: { achievement: { fields: ['title'] } }, pagination: { pageSize: 100 } },
      signal,
    ),
    readThrough<ListResponse<Streak>>('/streaks', undefined, signal),
    readThrough<{ data: StudentStats }>('/progress-stats', undefined, signal),
    readThrough<ListResponse<Certificate>>(
      '/certificates',
      {
        // A certificate is for a course or a hifz milestone (certificate-title.ts names either).
        populate: { course: { fields: ['title'] }, hifzMilestone: { fields: ['kind', 'number'] } },
        sort: ['issuedAt:desc'],
        pagination: { pageSize: 100 },
      },
      signal,
    ),
    readThrough<{ data: PublicSchoolSettings }>('/school-settings/public', undefined, signal),
  ]);
  return {
    badges: badgeViews(achievements.data, records.data),
    streak: streakToday(
      streaks.data.find((s) => s.type === 'lesson_completion'),
      new Date(),
      timeZone,
    ),
    points: stats.data.totals.points,
    certificates: certificates.data,
    leaderboardShown: !settings.data.leaderboardsHidden,
  };
}
