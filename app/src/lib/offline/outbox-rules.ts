// The outbox's rules as pure functions: tested without a browser (outbox-rules.test.ts).
import type { EventOutcome, GradedOfflineAttempt, ProgressEvent } from '$lib/api/types';
import type { LocalProgress, OutboxItem } from './database';

/**
 * The same merge the server applies (`worker/services/learning/progress.ts`), so the phone shows what the
 * school will hold: progress takes the maximum, `completed` is sticky, time adds up, the latest access wins.
 */
export function mergeProgress(
  current: LocalProgress | undefined,
  event: ProgressEvent,
  course: string,
  occurredAt: string,
): LocalProgress {
  const progress = Math.max(current?.progress ?? 0, event.completed ? 100 : (event.progress ?? 0));
  return {
    lesson: event.lesson,
    course,
    progress,
    completed: (current?.completed ?? false) || (event.completed ?? false),
    timeSpent: (current?.timeSpent ?? 0) + (event.timeSpent ?? 0),
    lastAccessed: current && current.lastAccessed > occurredAt ? current.lastAccessed : occurredAt,
  };
}

/** The next items to send: pending ones in order, the leading run of one kind, at most `limit`. */
export function nextBatch(pendingInOrder: OutboxItem[], limit: number): OutboxItem[] {
  const first = pendingInOrder[0];
  if (!first) return [];
  const batch: OutboxItem[] = [];
  for (const item of pendingInOrder) {
    if (item.kind !== first.kind || batch.length === limit) break;
    batch.push(item);
  }
  return batch;
}

/** The server's answer for one item, by its id: a progress event's outcome, or a quiz attempt's. */
export type SendOutcome =
  | EventOutcome
  | { eventId: string; status: 'applied' | 'duplicate'; result?: GradedOfflineAttempt }
  | { eventId: string; status: 'rejected'; error: NonNullable<OutboxItem['refusal']> };

export interface ItemVerdict {
  state: OutboxItem['state'];
  refusal?: OutboxItem['refusal'];
  /** A graded quiz attempt, kept on its row so the phone shows the result. */
  result?: GradedOfflineAttempt;
}

/**
 * What the server's answer for one item means for its outbox row. Applied and duplicate are both "sent"
 * (a duplicate is an earlier send whose answer never reached us). A missing answer keeps it pending.
 */
export function verdictFor(outcome: SendOutcome | undefined): ItemVerdict {
  if (!outcome) return { state: 'pending' };
  if (outcome.status === 'rejected') return { state: 'refused', refusal: outcome.error };
  if ('result' in outcome && outcome.result) return { state: 'sent', result: outcome.result };
  return { state: 'sent' };
}

/** Sent items stay visible for a week (at most 100 of them), then leave the phone. */
export function sentToForget(sent: OutboxItem[], now: number, keepDays = 7, keepAtMost = 100): number[] {
  const cutoff = now - keepDays * 86_400_000;
  const newestFirst = [...sent].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
  return newestFirst
    .filter((item, index) => index >= keepAtMost || Date.parse(item.sentAt ?? item.createdAt) < cutoff)
    .map((item) => item.seq!)
    .filter((seq) => seq !== undefined);
}
