import { describe, expect, it } from 'vitest';
import type { Achievement, UserAchievement } from '$lib/api/types';
import { badgeViews, readCriteria } from './badges';
import { recentlyEarned } from './new-badges';

const achievement = (documentId: string, points: number, criteria: Record<string, unknown>) =>
  ({ documentId, title: documentId, description: null, points, badgeType: 'bronze', criteria }) as Achievement;
const record = (documentId: string, progress: number, earnedAt: string | null) =>
  ({ progress, earnedAt, achievement: { documentId } }) as UserAchievement;

describe('badgeViews', () => {
  const all = [
    achievement('first', 10, { type: 'course_completion', count: 1 }),
    achievement('week', 20, { type: 'streak', days: 7 }),
    achievement('twenty', 30, { type: 'participation', lessons: 20 }),
    achievement('new-kind', 5, { type: 'something_else' }),
  ];

  it('puts earned badges first, then the closest to being earned', () => {
    const views = badgeViews(all, [record('twenty', 45, null), record('first', 100, '2026-01-02T00:00:00Z')]);
    expect(views.map((v) => [v.documentId, v.progress])).toEqual([
      ['first', 100],
      ['twenty', 45],
      ['new-kind', 0],
      ['week', 0],
    ]);
  });

  it('describes only criteria it knows', () => {
    expect(readCriteria({ type: 'streak', days: 7 })).toEqual({ type: 'streak', days: 7 });
    expect(readCriteria({ type: 'something_else' })).toBeNull();
  });

  it('calls badges of the last week new', () => {
    const now = new Date('2026-01-10T00:00:00Z');
    const badges = [{ earnedAt: '2026-01-09T00:00:00Z' }, { earnedAt: '2025-12-01T00:00:00Z' }, { earnedAt: null }];
    expect(recentlyEarned(badges, now)).toEqual([{ earnedAt: '2026-01-09T00:00:00Z' }]);
  });
});
