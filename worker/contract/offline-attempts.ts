import { z } from 'zod';
import { storableDateTime } from '../lib/postgres-values';
import type { GradedAttempt } from './learning';

/** One question of an attempt's layout: which question, and the order its options were shown in. */
export const attemptLayoutItem = z
  .object({
    questionId: z.string().trim().min(1).max(64),
    /** Positions shown → the quiz's own option indexes; null for questions without options. */
    optionOrder: z.array(z.number().int().min(0).max(19)).max(20).nullable(),
  })
  .strict();

/**
 * POST /api/quizzes/:documentId/offline-attempts: an attempt taken on the device with no connection,
 * sent when the connection returned. Answers are in the option positions the learner saw.
 */
export const offlineAttempt = z
  .object({
    /** Generated on the device; the same id sent again answers the same attempt. */
    clientId: z.uuid(),
    layout: z.array(attemptLayoutItem).min(1).max(200),
    answers: z.record(z.string().max(64), z.unknown()),
    /** When the learner started and finished, on the device's clock. */
    startedAt: storableDateTime,
    submittedAt: storableDateTime,
  })
  .strict()
  .refine((a) => Date.parse(a.submittedAt) >= Date.parse(a.startedAt), {
    path: ['submittedAt'],
    message: 'submittedAt must not be before startedAt',
  });

export type OfflineAttemptInput = z.input<typeof offlineAttempt>;

/** The graded offline attempt: the same answer to the first send and to every resend. */
export interface GradedOfflineAttempt extends GradedAttempt {
  clientId: string;
  offline: true;
  startedAt: string;
}
