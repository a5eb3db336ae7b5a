// Sending the outbox: in order, exactly once. An item leaves "pending" only in the same transaction that
// records the server's answer, so closing the app mid-sync (or a phone restart) just sends it again, and
// the server answers "duplicate" for an eventId it already has.
import type { ApiClient } from '$lib/api/client';
import { PROGRESS_BATCH_LIMIT, sendProgressBatch } from '$lib/api/learning';
import type { OutboxItem, UserDatabase } from './database';
import { sendHifzRecitations, sendHifzSessions } from './hifz';
import { nextBatch, sentToForget, verdictFor, type SendOutcome } from './outbox-rules';
import { sendQuizAttempts } from './quiz-attempts';

/** How each kind of item is sent. A new kind adds an entry here. */
export interface OutboxKind {
  batchLimit: number;
  /** Sends the items (all of this kind); one outcome per item, by id. Throws when the server was not reached. */
  send(api: ApiClient, items: OutboxItem[], db: UserDatabase): Promise<SendOutcome[]>;
}

export const OUTBOX_KINDS: Record<OutboxItem['kind'], OutboxKind> = {
  progress: {
    batchLimit: PROGRESS_BATCH_LIMIT,
    send: (api, items) =>
      sendProgressBatch(
        api,
        items.flatMap((i) => (i.kind === 'progress' ? [i.payload] : [])),
      ),
  },
  // One attempt per request: each is graded on its own, and a resend answers the same attempt.
  quiz_attempt: {
    batchLimit: 1,
    send: (api, items) => sendQuizAttempts(api, items),
  },
  // One per request: each sitting and each recording is stored on its own, and a resend finds it again.
  hifz_session: { batchLimit: 1, send: (api, items) => sendHifzSessions(api, items) },
  hifz_recitation: { batchLimit: 1, send: (api, items, db) => sendHifzRecitations(api, items, db) },
};

export interface SyncReport {
  sent: number;
  refused: number;
}

/** One sync at a time per user, across tabs and the service worker (Web Locks); alone where missing. */
async function exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? await locks.request(name, task) : task();
}

/**
 * Sends every pending item, oldest first. Stops at the first batch the server does not answer (offline,
 * a 5xx, a session that has ended) and throws that error: the items stay pending for the next try.
 */
export function syncOutbox(db: UserDatabase, api: ApiClient, kinds = OUTBOX_KINDS): Promise<SyncReport> {
  return exclusive(`lms.outbox.${db.name}`, async () => {
    const report: SyncReport = { sent: 0, refused: 0 };
    for (;;) {
      const pending = await db.outbox
        .where('[state+seq]')
        .between(['pending', -Infinity], ['pending', Infinity])
        .limit(PROGRESS_BATCH_LIMIT)
        .toArray();
      const kind = pending[0] && kinds[pending[0].kind];
      if (!kind) break;
      const batch = nextBatch(pending, kind.batchLimit);
      const outcomes = new Map((await kind.send(api, batch, db)).map((o) => [o.eventId, o]));
      const sentAt = new Date().toISOString();
      let progressed = false;
      await db.transaction('rw', db.outbox, async () => {
        for (const item of batch) {
          const verdict = verdictFor(outcomes.get(item.id));
          if (verdict.state === 'pending') continue;
          progressed = true;
          report[verdict.state]++;
          await db.outbox.update(item.seq!, { ...verdict, sentAt });
        }
      });
      // An answer that covers none of the batch would loop forever; leave the rest for the next sync.
      if (!progressed) break;
    }
    await forgetOldSentItems(db);
    return report;
  });
}

async function forgetOldSentItems(db: UserDatabase): Promise<void> {
  const sent = await db.outbox.where('[state+seq]').between(['sent', -Infinity], ['sent', Infinity]).toArray();
  const seqs = sentToForget(sent, Date.now());
  if (seqs.length) await db.outbox.bulkDelete(seqs);
}
