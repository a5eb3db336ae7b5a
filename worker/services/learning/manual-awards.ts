import type { Database } from '../../../db/client';
import { conflict } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';
import { quoted, recordActivity, type AuditContext } from '../audit/activity-log';
import { findVisibleUser } from '../accounts/users';
import { toAuthUser } from '../accounts/user-records';
import { resolveRef, type RelationRef } from '../content/relations';
import { awardManually } from './achievements';
import { inLearningTransaction, learningMeta } from './run-learning';

/**
 * A teacher (or admin) awards an achievement by hand: only to a learner they may see (teachers: students),
 * and each at most once (a second award is a 409).
 */
export async function awardByHand(
  db: Database,
  audit: AuditContext,
  scopes: readonly Scope[],
  award: { learner: string; achievement: RelationRef },
  origin: string,
) {
  const { actor } = audit;
  const learner = await findVisibleUser(db, actor, scopes.includes('all') ? ['all'] : ['students'], award.learner);
  const achievementId = await resolveRef(db, 'achievements', award.achievement, 'achievement', actor);
  const { result, log } = await inLearningTransaction(db, toAuthUser(learner), origin, async (tx, log) => {
    const awarded = await awardManually(tx, learner.id, achievementId, actor.id, log);
    if (awarded)
      await recordActivity(tx, audit, {
        action: 'award',
        entityType: 'users',
        entityDocumentId: learner.documentId,
        summary: `achievement ${quoted(log.earnedAchievements[0]?.title)} awarded by hand`,
      });
    return awarded;
  });
  if (!result) throw conflict('This learner has already earned this achievement');
  return {
    learner: { documentId: learner.documentId, username: learner.username },
    achievement: log.earnedAchievements[0]!,
    meta: learningMeta(log),
  };
}
