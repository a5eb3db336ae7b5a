// One lesson for the lesson page: the server's copy when reachable, the phone's copy otherwise.
import { NetworkError } from '$lib/api/errors';
import { courseAttachmentsQuery } from '$lib/api/learning';
import { fetchPublicSchoolSettings } from '$lib/api/school';
import type { InteractiveActivity, Lesson, ListResponse, MediaFile } from '$lib/api/types';
import { offline } from '$lib/offline/runtime.svelte';
import { api } from '$lib/session.svelte';
import { captionTracks, needsDefaultLanguage, type CaptionFile, type CaptionTrack } from './captions';

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
  /** Caption tracks of its recording or video (WebVTT attachments). */
  captions: CaptionTrack[];
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
        { populate: { course: { fields: ['documentId'] }, media: true, attachments: true } },
        signal,
      );
      const captions = await tracksOf(data.attachments ?? [], signal);
      return { ...pick(data), captions, course: data.course?.documentId ?? '' };
    } catch (error) {
      if (!(error instanceof NetworkError) || !offline.inUse()) throw error;
    }
  }
  const { db, offline: m } = await offline.open();
  const stored = await m.storedLesson(db, documentId);
  if (!stored) return null;
  // The caption files' list was kept by "Download for offline" (CourseDownload.svelte).
  const kept = await m.storedCopy<ListResponse<Lesson>>(db, '/lessons', courseAttachmentsQuery(stored.course));
  const files = kept?.data.find((l) => l.documentId === documentId)?.attachments ?? [];
  return { ...pick(stored), captions: await tracksOf(files, signal), course: stored.course };
}

/**
 * The caption tracks among a lesson's attachments. A file whose name states no language is in the school's
 * default one, asked for only then; unreachable (offline, never seen), English, the school's own default.
 */
async function tracksOf(files: readonly CaptionFile[], signal?: AbortSignal): Promise<CaptionTrack[]> {
  const fallback = needsDefaultLanguage(files)
    ? await fetchPublicSchoolSettings(signal)
        .then((school) => school.defaultLanguage)
        .catch(() => 'en')
    : 'en';
  return captionTracks(files, fallback);
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
