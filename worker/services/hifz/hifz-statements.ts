import type { Database } from '../../../db/client';
import type { HifzCheckKind, HifzGrade } from '../../../db/schema';
import { awardEarnedAchievements } from '../learning/achievements';
import { LearningLog } from '../learning/learning-log';
import { recordLearningEvents } from '../xapi/statements';
import type { HifzStudent } from './access';
import { milestoneLabel, milestoneRange } from './milestone-records';
import type { Milestone } from './milestones';
import { isPassing } from './proposal';
import type { AyahRange, QuranIndex } from './quran-index';
import { formatRange } from './ranges';

export type HifzEvent =
  | { kind: 'recited'; check: HifzCheckKind; range: AyahRange; grade: HifzGrade }
  | { kind: 'milestone'; milestone: Milestone };

/**
 * What a graded recitation or a sitting leaves behind, in the caller's transaction: an xAPI statement per
 * range heard (the range is the object), one per milestone reached, and the badges those milestones earn
 * (achievements whose criteria are `hifz_milestone`), each with its own "earned" statement.
 */
export async function recordHifzEvents(
  tx: Database,
  student: HifzStudent,
  origin: string,
  at: Date,
  events: HifzEvent[],
  index: QuranIndex,
): Promise<{ earned: { documentId: string; title: string; points: number }[] }> {
  const log = new LearningLog();
  for (const event of events) {
    if (event.kind === 'recited') {
      log.add({
        kind: 'hifz_recited',
        range: { ...event.range, label: formatRange(index, event.range) },
        check: event.check,
        grade: event.grade,
        passed: isPassing(event.grade),
      });
    } else {
      const range = milestoneRange(index, event.milestone);
      log.add({
        kind: 'hifz_milestone',
        key: `${event.milestone.kind}-${event.milestone.number}`,
        title: `${milestoneLabel(index, event.milestone)} memorised`,
        range: { ...range, label: formatRange(index, range) },
      });
    }
  }
  if (events.some((e) => e.kind === 'milestone')) await awardEarnedAchievements(tx, student.id, log);
  await recordLearningEvents(tx, { id: student.id, documentId: student.documentId }, log.events, {
    origin,
    timestamp: at,
  });
  return { earned: log.earnedAchievements };
}
