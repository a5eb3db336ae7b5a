// One lesson for the lesson page: the server's copy when reachable, the phone's copy otherwise.
import { NetworkError } from '$lib/api/errors';
import type { InteractiveActivity, Lesson, MediaFile } from '$lib/api/types';
import { offline } from '$lib/offline/runtime.svelte';
import { api } from '$lib/session.svelte';

/** What the players need of a lesson's recording or video. */
export interface LessonMedia {
  url: string;
  mime: string;
  name: string;
}

export interface LessonView {
  documentId: string;
  title: string;
  type: Lesson['type'];
  content: string | null;
  course: string;
  duration: number | null;
  media: LessonMedia | null;
  interactive: InteractiveActivity | null;
}

/**
 * Resolves null when the lesson is neither reachable nor stored on the phone (offline, not downloaded).
 * Offline with the offline layer in use, the phone's copy answers at once, without waiting for the network.
 */
export async function loadLesson(documentId: string, signal?: AbortSignal): Promise<LessonView | null> {
  const offlineNow = typeof navigator !== 'undefined' && !navigator.onLine;
  if (!(offlineNow && offline.inUse())) {
    try {
      const { data } = await api.get<{ data: Lesson & { course?: { documentId: string } } }>(
        `/lessons/${documentId}`,
        { populate: { course: { fields: ['documentId'] }, media: true } },
        signal,
      );
      return { ...pick(data), course: data.course?.documentId ?? '' };
    } catch (error) {
      if (!(error instanceof NetworkError) || !offline.inUse()) throw error;
    }
  }
  const { db, offline: m } = await offline.open();
  const stored = await m.storedLesson(db, documentId);
  return stored ? { ...pick(stored), course: stored.course } : null;
}

type Picked = Pick<Lesson, 'documentId' | 'title' | 'type' | 'content' | 'duration' | 'interactive'> & {
  media?: MediaFile | null;
};

const pick = (l: Picked) => ({
  documentId: l.documentId,
  title: l.title,
  type: l.type,
  content: l.content,
  duration: l.duration,
  media: l.media ? { url: l.media.url, mime: l.media.mime, name: l.media.name } : null,
  interactive: l.interactive ?? null,
});

/**
 * Whether a recording or video can play now: always online; offline only when its course was downloaded
 * (the file is in a media cache, where the service worker answers it with Range support).
 */
export async function mediaPlayable(url: string): Promise<boolean> {
  if (navigator.onLine) return true;
  if (typeof caches === 'undefined') return false;
  return (await caches.match(url)) !== undefined;
}
