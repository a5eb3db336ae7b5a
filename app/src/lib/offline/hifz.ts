// Hifz work made on a device, through the outbox like every other write: a teacher's sitting in a classroom
// without a connection, a student's recitation recorded at home. Each local change and its outbox row are
// written in ONE Dexie transaction; the senders use the device ids, so a resend stores nothing twice.
import { ApiError } from '$lib/api/errors';
import { sendSitting, uploadRecitation } from '$lib/api/hifz';
import type { ApiClient } from '$lib/api/client';
import type { HifzRecitationInput, HifzSessionInput } from '$contract/hifz';
import type { HifzRecitationOutboxItem, HifzSessionOutboxItem, OutboxItem, UserDatabase } from './database';
import type { SendOutcome } from './outbox-rules';

/** Offline: kept on the device at once, sent when the school can be reached. */
export async function queueSitting(db: UserDatabase, input: HifzSessionInput, title: string): Promise<OutboxItem> {
  const item: HifzSessionOutboxItem = {
    id: input.clientId,
    kind: 'hifz_session',
    payload: input,
    title,
    state: 'pending',
    createdAt: new Date().toISOString(),
  };
  item.seq = await db.outbox.add(item);
  return item;
}

/** Offline: the audio and its outbox row are stored together; the audio leaves the phone once uploaded. */
export async function queueRecitation(
  db: UserDatabase,
  audio: Blob,
  input: HifzRecitationInput,
  title: string,
): Promise<OutboxItem> {
  const item: HifzRecitationOutboxItem = {
    id: input.clientId,
    kind: 'hifz_recitation',
    payload: input,
    title,
    state: 'pending',
    createdAt: new Date().toISOString(),
  };
  return db.transaction('rw', db.recordings, db.outbox, async () => {
    await db.recordings.put({ clientId: input.clientId, audio, input, createdAt: item.createdAt });
    item.seq = await db.outbox.add(item);
    return item;
  });
}

/** A client mistake (4xx but a stale session) is the item's refusal; anything else stops the sync. */
function refusal(error: unknown, eventId: string): SendOutcome {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401)
    return { eventId, status: 'rejected', error: { status: error.status, name: error.name, message: error.message } };
  throw error;
}

export async function sendHifzSessions(api: ApiClient, items: OutboxItem[]): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (const item of items) {
    if (item.kind !== 'hifz_session') continue;
    try {
      const recorded = await sendSitting(api, item.payload);
      outcomes.push({ eventId: item.id, status: recorded.status === 'created' ? 'applied' : 'duplicate' });
    } catch (error) {
      outcomes.push(refusal(error, item.id));
    }
  }
  return outcomes;
}

/** Uploads each recording in parts (resuming what the school already holds), then frees the phone of it. */
export async function sendHifzRecitations(
  api: ApiClient,
  items: OutboxItem[],
  db: UserDatabase,
): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  for (const item of items) {
    if (item.kind !== 'hifz_recitation') continue;
    const stored = await db.recordings.get(item.id);
    try {
      const uploaded = await uploadRecitation(api, item.payload, stored?.audio ?? new Blob());
      if (uploaded.status === 'uploading')
        throw new ApiError(409, 'ConflictError', 'The recording is no longer on this phone; record it again');
      await db.recordings.delete(item.id);
      outcomes.push({ eventId: item.id, status: 'applied' });
    } catch (error) {
      outcomes.push(refusal(error, item.id));
    }
  }
  return outcomes;
}
