import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { openNextTransactionWith } from '../../../db/request-database';
import type { AuthUser } from '../../env';
import { ApiError } from '../../lib/errors';
import { isTransientConflict } from '../../lib/postgres-errors';
import { storeStatements } from '../xapi/statements';
import { awardEarnedAchievements } from './achievements';
import { movesAchievements } from './achievement-rules';
import { issueCertificate } from '../certificates/issue-certificate';
import { LearningLog } from './learning-log';
import { recordStreakActivity } from './streaks';

/**
 * The first key of the per-learner advisory lock (the second is the learner's id). Advisory keys are
 * shared by the whole database, so this number is ours alone: no other code takes locks in it.
 */
export const LEARNER_LOCK_SPACE = 7_401;

/** Runs of one transaction before a deadlock or serialization failure is answered 503. */
export const LEARNING_TRANSACTION_RUNS = 4;

/**
 * One request's learning work in one transaction: the rule itself (`work`), then what follows from it —
 * the lesson-completion streak, certificates for completed courses, achievements — and the xAPI
 * statements of everything that happened. Either all of it commits or none of it does.
 *
 * Every learning transaction of a learner first takes that learner's advisory lock, so two of them
 * (a phone's batch and a quiz submission, fifty replays at once) run one after the other and never
 * take row locks in opposite orders. The lock is the transaction's (pg_advisory_xact_lock): no session
 * state, released by COMMIT or ROLLBACK. A deadlock or serialization failure against any other writer
 * is retried with the whole work; `work` therefore must not change anything outside the transaction.
 */
export async function inLearningTransaction<T>(
  db: Database,
  user: AuthUser,
  origin: string,
  work: (tx: Database, log: LearningLog) => Promise<T>,
  now = new Date(),
) {
  if (!Number.isSafeInteger(user.id)) throw new Error('a learner id must be an integer');
  // Literal (two integers), so on a request's database it rides in the round trip of BEGIN.
  const lock = `SELECT pg_advisory_xact_lock(${LEARNER_LOCK_SPACE}, ${user.id})`;
  for (let run = 1; ; run++) {
    try {
      const locked = openNextTransactionWith(db, lock);
      return await db.transaction(async (tx) => {
        if (!locked) await tx.execute(sql.raw(lock));
        return learn(tx, user, origin, work, now);
      });
    } catch (error) {
      if (!isTransientConflict(error)) throw error;
      if (run >= LEARNING_TRANSACTION_RUNS) throw busy();
      await pause(run);
    }
  }
}

async function learn<T>(
  tx: Database,
  user: AuthUser,
  origin: string,
  work: (tx: Database, log: LearningLog) => Promise<T>,
  now: Date,
) {
  const log = new LearningLog({ actor: { id: user.id, documentId: user.documentId }, origin, timestamp: now });
  const result = await work(tx, log);
  // Oldest first: a streak only moves forward in time (streak-rules.ts).
  for (const at of [...log.completionTimes].sort((a, b) => a.getTime() - b.getTime()))
    await recordStreakActivity(tx, user.id, 'lesson_completion', at);
  for (const course of log.completedCourses) await issueCertificate(tx, user.id, course.documentId, now);
  if (movesAchievements(log.events)) await awardEarnedAchievements(tx, user.id, log);
  // The statements no write carried (learning-log.ts), in one more statement when there are any.
  await storeStatements(tx, log.takeStatements());
  return { result, log };
}

/** Backs off a little more each run, with jitter, so the transactions that collided do not collide again. */
const pause = (run: number) => new Promise((resolve) => setTimeout(resolve, 20 * 2 ** run * (0.5 + Math.random())));

function busy(): ApiError {
  return new ApiError(
    503,
    'ServiceUnavailableError',
    'The server is busy with other changes to this record; please try again',
    {},
    { 'Retry-After': '1' },
  );
}

/** What a learning response tells the client besides its data: badges just earned, courses finished. */
export function learningMeta(log: LearningLog) {
  return { earnedAchievements: log.earnedAchievements, completedCourses: log.completedCourses };
}
