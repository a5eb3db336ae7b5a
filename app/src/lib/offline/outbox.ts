// Writing on the phone. Every write stores the local change and its outbox row in ONE Dexie transaction:
// either both are on the phone or neither is, so nothing shows as done without being queued for the school.
import type { ProgressEvent } from '$lib/api/types';
import type { OutboxItem, ProgressOutboxItem, UserDatabase } from './database';
import { mergeProgress } from './outbox-rules';

export interface ProgressInput {
  lesson: string;
  course: string;
  /** The lesson's title, shown in the list of work on this phone. */
  title: string;
  progress?: number;
  completed?: boolean;
  timeSpent?: number;
}

/** Offline: saved on the phone at once; sent by the sync engine whenever the school can be reached. */
export async function recordProgress(
  db: UserDatabase,
  input: ProgressInput,
  now = new Date(),
): Promise<ProgressOutboxItem> {
  const occurredAt = now.toISOString();
  const event: ProgressEvent = {
    eventId: crypto.randomUUID(),
    lesson: input.lesson,
    progress: input.completed ? 100 : (input.progress ?? 0),
    completed: input.completed ?? false,
    timeSpent: input.timeSpent ?? 0,
    occurredAt,
  };
  const item: ProgressOutboxItem = {
    id: event.eventId,
    kind: 'progress',
    payload: event,
    title: input.title,
    state: 'pending',
    createdAt: occurredAt,
  };
  return db.transaction('rw', db.progress, db.outbox, async () => {
    const current = await db.progress.get(input.lesson);
    await db.progress.put(mergeProgress(current, event, input.course, occurredAt));
    item.seq = await db.outbox.add(item);
    return item;
  });
}

/** Offline: local only. A refused item goes back in line, e.g. once the lesson it needed is unlocked. */
export async function retryItem(db: UserDatabase, seq: number): Promise<void> {
  await db.outbox.update(seq, { state: 'pending', refusal: undefined });
}

/** Offline: local only. Items the server has not confirmed: these would be lost by erasing the phone. */
export function countUnsent(db: UserDatabase): Promise<number> {
  return db.outbox.where('[state+seq]').between(['pending', -Infinity], ['pending', Infinity]).count();
}

/** Offline: local only. The newest items first, for the "work on this phone" list. */
export function recentItems(db: UserDatabase, limit = 50): Promise<OutboxItem[]> {
  return db.outbox.orderBy('seq').reverse().limit(limit).toArray();
}

/** Offline: local only. The newest item about a lesson, to show its state next to the lesson. */
export async function latestItemForLesson(db: UserDatabase, lesson: string): Promise<ProgressOutboxItem | undefined> {
  const found = await db.outbox
    .orderBy('seq')
    .reverse()
    .filter((item) => item.kind === 'progress' && item.payload.lesson === lesson)
    .first();
  return found?.kind === 'progress' ? found : undefined;
}
