// The lesson editor's reads and writes, and the course's lesson list (add, reorder).
import type { ApiClient, Lesson, LessonType, MediaFile, Quiz } from '$lib/api';
import { readVersioned, saveVersioned } from './documents';
import { orderChanges } from './reorder';

export const LESSON_TYPES: LessonType[] = ['article', 'audio', 'video', 'quiz', 'interactive'];

export type LessonSummary = Pick<Lesson, 'documentId' | 'title' | 'type' | 'order' | 'isLocked'>;

export async function createLesson(
  api: ApiClient,
  course: string,
  title: string,
  type: LessonType,
  order: number,
): Promise<Lesson> {
  const { data } = await api.post<{ data: Lesson }>('/lessons', { data: { title, type, order, course } });
  return data;
}

/**
 * Gives each lesson the `order` of its place in `lessons`, writing only those whose order on the server
 * (`saved`, kept up to date here as each write lands) differs. Called one at a time, with the list as it
 * is when the call starts, so quick moves in a row end in the order last shown.
 */
export async function saveLessonOrder(
  api: ApiClient,
  lessons: readonly LessonSummary[],
  saved: Map<string, number>,
): Promise<void> {
  for (const change of orderChanges(
    lessons.map((l) => l.documentId),
    saved,
  )) {
    await api.put(`/lessons/${change.documentId}`, { data: { order: change.order } });
    saved.set(change.documentId, change.order);
  }
}

export const LESSON_POPULATE = {
  media: true,
  attachments: true,
  // The whole quiz (staff receive the answers), so its builder starts without a request of its own.
  quiz: true,
  course: { fields: ['title'] },
};

export const fetchLesson = (api: ApiClient, documentId: string, signal?: AbortSignal) =>
  readVersioned<Lesson>(api, `/lessons/${documentId}`, { populate: LESSON_POPULATE }, signal);

type FileRef = Pick<MediaFile, 'id' | 'url' | 'name' | 'mime'>;
const fileRef = (f: MediaFile): FileRef => ({ id: f.id, url: f.url, name: f.name, mime: f.mime });

export interface LessonForm {
  title: string;
  type: LessonType;
  duration: string;
  isLocked: boolean;
  content: string;
  media: FileRef | null;
  attachments: FileRef[];
}

export function lessonForm(lesson: Lesson): LessonForm {
  return {
    title: lesson.title,
    type: lesson.type,
    duration: lesson.duration == null ? '' : String(lesson.duration),
    isLocked: lesson.isLocked,
    content: lesson.content ?? '',
    media: lesson.media ? fileRef(lesson.media) : null,
    attachments: (lesson.attachments ?? []).map(fileRef),
  };
}

export { fileRef };

export function lessonBody(form: LessonForm): Record<string, unknown> {
  const minutes = String(form.duration ?? '').trim();
  return {
    title: form.title,
    type: form.type,
    duration: minutes === '' ? null : Number(minutes),
    isLocked: form.isLocked,
    content: form.content || null,
    media: form.media?.id ?? null,
    attachments: { set: form.attachments.map((a) => a.id) },
  };
}

export const saveLesson = (api: ApiClient, documentId: string, form: LessonForm, version: string | null) =>
  saveVersioned<Lesson>(api, `/lessons/${documentId}`, lessonBody(form), version, { populate: LESSON_POPULATE });

export type { Quiz };
