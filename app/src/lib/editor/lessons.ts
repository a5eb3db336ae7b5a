// The lesson editor's reads and writes, and the course's lesson list (add, reorder).
import type { ApiClient, Lesson, LessonType, MediaFile, Quiz } from '$lib/api';
import { activityBody, activityForm, activityProblems, type ActivityForm } from './activity-form';
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
  const { data } = await api.post<{ data: Lesson }>('/lessons', {
    data: { title, type: createdAs(type), order, course },
  });
  return data;
}

/**
 * The server keeps no interactive lesson without its activity, and a new lesson has none yet: it is
 * created as an article and its editor opens turned interactive (`?type=interactive`, see
 * `openAsInteractive`), so the teacher writes the activity and the first save makes it interactive.
 */
const createdAs = (type: LessonType): LessonType => (type === 'interactive' ? 'article' : type);

/** Whether the editor should turn the lesson it opened interactive: asked for, not yet, and no draft says otherwise. */
export const openAsInteractive = (search: URLSearchParams, lesson: Lesson, restoredDraft: boolean) =>
  search.get('type') === 'interactive' && lesson.type !== 'interactive' && !restoredDraft;

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
  /** The activity of an interactive lesson; kept (blank when there is none) for any type, so a lesson
   * turned interactive has one to fill in. Saved only when the lesson is interactive. */
  interactive: ActivityForm;
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
    interactive: activityForm(lesson.interactive),
  };
}

/** Whether the server would take this lesson's activity (always, for a lesson of another type). */
export const activityReady = (form: LessonForm) =>
  form.type !== 'interactive' || activityProblems(form.interactive).length === 0;

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
    // Another type holds no activity (the server drops it when a lesson stops being interactive).
    interactive: form.type === 'interactive' ? activityBody(form.interactive) : null,
  };
}

export const saveLesson = (api: ApiClient, documentId: string, form: LessonForm, version: string | null) =>
  saveVersioned<Lesson>(api, `/lessons/${documentId}`, lessonBody(form), version, { populate: LESSON_POPULATE });

export type { Quiz };
