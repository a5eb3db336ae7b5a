// The home page's "new badges": kept apart from badges.ts so the home does not carry the achievements
// page's rules on its first visit.

/** Badges earned within `days` of `now`. */
export function recentlyEarned<T extends { earnedAt: string | null }>(badges: T[], now: Date, days = 7): T[] {
  const since = now.getTime() - days * 86_400_000;
  return badges.filter((b) => b.earnedAt && new Date(b.earnedAt).getTime() >= since);
}
