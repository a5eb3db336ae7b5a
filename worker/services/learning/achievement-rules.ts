import type { z } from 'zod';
import type { achievementCriteria } from '../../contract/achievement-criteria';
import type { LearningEvent } from '../xapi/statements';

export type Criteria = z.infer<typeof achievementCriteria>;

/** What the learner has done so far, as the criteria measure it. */
export interface LearnerTotals {
  coursesCompleted: number;
  /** Per distinct quiz, the best on-time score. */
  bestQuizScores: number[];
  longestStreak: number;
  lessonsCompleted: number;
  /** Hifz milestones reached, as "kind:number" ("juz:30", "surah:78", "juz_count:5"). */
  hifzMilestones: string[];
}

/** Progress towards one achievement, 0-100, and whether it is earned. */
export function measure(criteria: Criteria, totals: LearnerTotals): { progress: number; earned: boolean } {
  const ratio = (value: number, target: number) => ({
    progress: Math.min(100, Math.floor((100 * value) / target)),
    earned: value >= target,
  });
  const reached = (done: boolean) => ({ progress: done ? 100 : 0, earned: done });
  switch (criteria.type) {
    case 'course_completion':
      return ratio(totals.coursesCompleted, criteria.count);
    case 'quiz_mastery':
      return ratio(totals.bestQuizScores.filter((s) => s >= criteria.minScore).length, criteria.count);
    case 'streak':
      return ratio(totals.longestStreak, criteria.days);
    case 'participation':
      return ratio(totals.lessonsCompleted, criteria.lessons);
    case 'hifz_surah':
      return reached(totals.hifzMilestones.includes(`surah:${criteria.surah}`));
    case 'hifz_juz':
      return reached(totals.hifzMilestones.includes(`juz:${criteria.juz}`));
    case 'hifz_juz_count': {
      const counts = totals.hifzMilestones.filter((m) => m.startsWith('juz_count:')).map((m) => Number(m.slice(10)));
      return ratio(Math.max(0, ...counts), criteria.count);
    }
  }
}

/**
 * The learning events that can move a total above: a completed lesson (lessons completed, and the
 * lesson-completion streak it records), a completed course, a graded quiz (its score). Streaks from signing
 * in and hifz milestones are measured where they happen. A lesson viewed or a quiz started moves nothing
 * a badge counts, so a request with only those is not measured: a badge created for totals a learner
 * already has is awarded at their next event that counts.
 */
const MOVING_KINDS: ReadonlySet<LearningEvent['kind']> = new Set([
  'lesson_completed',
  'course_completed',
  'quiz_passed',
  'quiz_failed',
]);

export const movesAchievements = (events: readonly Pick<LearningEvent, 'kind'>[]): boolean =>
  events.some((e) => MOVING_KINDS.has(e.kind));
