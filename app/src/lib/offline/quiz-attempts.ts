// Quiz attempts taken with no connection: saved on the phone with their outbox row in one transaction,
// sent one by one when the school can be reached, graded once there (the clientId makes a resend harmless).
import type { ApiClient } from '$lib/api/client';
import { ApiError } from '$lib/api/errors';
import { sendOfflineAttempt } from '$lib/api/offline-attempts';
import type { OfflineAttemptInput } from '$lib/api/types';
import type { OutboxItem, QuizAttemptOutboxItem, UserDatabase } from './database';
import { mergeProgress, type SendOutcome } from './outbox-rules';

export interface QuizAttemptInput {
  quiz: string;
  lesson: string;
  course: string;
  /** The quiz's title, shown in the list of work on this phone. */
  title: string;
  attempt: OfflineAttemptInput;
}

/**
 * Offline: saved on the phone at once (the lesson's time spent moves on, as the server will move it),
 * with its outbox row in the same transaction; sent by the sync engine whenever the school is reachable.
 */
export async function recordQuizAttempt(db: UserDatabase, input: QuizAttemptInput): Promise<QuizAttemptOutboxItem> {
  const { attempt } = input;
  const seconds = Math.max(0, Math.round((Date.parse(attempt.submittedAt) - Date.parse(attempt.startedAt)) / 1000));
  const item: QuizAttemptOutboxItem = {
    id: attempt.clientId,
    kind: 'quiz_attempt',
    payload: { ...attempt, quiz: input.quiz, lesson: input.lesson },
    title: input.title,
    state: 'pending',
    createdAt: attempt.submittedAt,
  };
  return db.transaction('rw', db.progress, db.outbox, async () => {
    const current = await db.progress.get(input.lesson);
    const event = { eventId: attempt.clientId, lesson: input.lesson, timeSpent: Math.min(86_400, seconds) };
    await db.progress.put(mergeProgress(current, event, input.course, attempt.submittedAt));
    item.seq = await db.outbox.add(item);
    return item;
  });
}

/** Offline: local only. The newest attempt taken on this phone at a quiz, to follow it until graded. */
export async function latestQuizAttempt(db: UserDatabase, quiz: string): Promise<QuizAttemptOutboxItem | undefined> {
  const found = await db.outbox
    .orderBy('seq')
    .reverse()
    .filter((item) => item.kind === 'quiz_attempt' && item.payload.quiz === quiz)
    .first();
  return found?.kind === 'quiz_attempt' ? found : undefined;
}

/** Answers the school gave that sending again would not change: the attempt is refused for good. */
const FINAL_REFUSALS = new Set([400, 403, 404, 409, 422]);

/**
 * What a failed send means: a refusal to show (invalid, not allowed, the quiz gone, no attempts left),
 * or null when it is worth trying again later (offline, a 5xx, busy, a session that ended).
 */
export function refusalFor(error: unknown): { status: number; name: string; message: string } | null {
  if (error instanceof ApiError && FINAL_REFUSALS.has(error.status))
    return { status: error.status, name: error.name, message: error.message };
  return null;
}

/** Sends the attempts in order; throws (keeping them pending) at the first one worth trying again. */
export async function sendQuizAttempts(api: ApiClient, items: OutboxItem[]): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (const item of items) {
    if (item.kind !== 'quiz_attempt') continue;
    const { quiz, lesson: _lesson, ...attempt } = item.payload;
    try {
      const sent = await sendOfflineAttempt(api, quiz, attempt);
      outcomes.push({ eventId: item.id, status: sent.created ? 'applied' : 'duplicate', result: sent.data });
    } catch (error) {
      const refusal = refusalFor(error);
      if (!refusal) throw error;
      outcomes.push({ eventId: item.id, status: 'rejected', error: refusal });
    }
  }
  return outcomes;
}
