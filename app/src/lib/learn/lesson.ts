// One lesson for the lesson page: the server's copy when reachable, the phone's copy otherwise.
import { NetworkError } from '$lib/api/errors';
import type { Lesson } from '$lib/api/types';
import { offline } from '$lib/offline/runtime.svelte';
import { api } from '$lib/session.svelte';

export interface LessonView {
  documentId: string;
  title: string;
  type: Lesson['type'];
  content: string | null;
  course: string;
}

/** Resolves null when the lesson is neither reachable nor stored on the phone (offline, not downloaded). */
export async function loadLesson(documentId: string, signal?: AbortSignal): Promise<LessonView | null> {
  try {
    const { data } = await api.get<{ data: Lesson & { course?: { documentId: string } } }>(
      `/lessons/${documentId}`,
      { populate: { course: { fields: ['documentId'] } } },
      signal,
    );
    return { ...pick(data), course: data.course?.documentId ?? '' };
  } catch (error) {
    if (!(error instanceof NetworkError) || !offline.inUse()) throw error;
  }
  const { db, offline: m } = await offline.open();
  const stored = await m.storedLesson(db, documentId);
  return stored ? { ...pick(stored), course: stored.course } : null;
}

const pick = (l: Pick<Lesson, 'documentId' | 'title' | 'type' | 'content'>) => ({
  documentId: l.documentId,
  title: l.title,
  type: l.type,
  content: l.content,
});
