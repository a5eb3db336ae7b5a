import type { Milestone } from './milestones';

/**
 * Which milestones the school certifies: a whole juz (Juz 'Amma, juz 30, is the classic first one) and
 * every fifth juz memorised (5, 10, ... 30). A single surah is celebrated and earns its badges, but no
 * certificate: children finishing the short surahs of juz 30 would otherwise get one a week.
 */
export function certifiesMilestone(m: Milestone): boolean {
  if (m.kind === 'juz') return true;
  if (m.kind === 'juz_count') return m.number % 5 === 0;
  return false;
}
