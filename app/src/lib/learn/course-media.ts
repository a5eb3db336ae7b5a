// The files "Download for offline" keeps for a course: each lesson's recording or video, its caption files
// (so captions show offline too), the images its texts show, and the course's cover. Pure: it reads lessons
// as the phone stores them.
import type { MediaFile } from '$lib/api/types';
import { isCaptionFile } from './captions';

export interface CourseMediaFile {
  url: string;
  /** Bytes, when the API said (Strapi reports kilobytes); null for images found in a lesson's text. */
  bytes: number | null;
}

interface LessonLike {
  content: string | null;
  media?: Pick<MediaFile, 'url' | 'size'> | null;
  /** Read apart from the stored lessons (see `courseAttachmentsQuery`); only caption files are kept. */
  attachments?: Pick<MediaFile, 'url' | 'size' | 'name' | 'mime'>[];
}

const UPLOAD_SRC = /\bsrc="(\/uploads\/[^"]+)"/g;

export function courseMediaFiles(
  lessons: readonly LessonLike[],
  cover?: Pick<MediaFile, 'url' | 'size'> | null,
): CourseMediaFile[] {
  const files = new Map<string, CourseMediaFile>();
  const add = (url: string, bytes: number | null) => {
    if (url.startsWith('/uploads/') && !files.get(url)?.bytes) files.set(url, { url, bytes });
  };
  if (cover) add(cover.url, Math.round(cover.size * 1024));
  for (const lesson of lessons) {
    if (lesson.media) add(lesson.media.url, Math.round(lesson.media.size * 1024));
    for (const file of lesson.attachments ?? []) if (isCaptionFile(file)) add(file.url, Math.round(file.size * 1024));
    for (const match of (lesson.content ?? '').matchAll(UPLOAD_SRC)) add(match[1]!, null);
  }
  return [...files.values()];
}

/** What the download weighs as far as known: the stored bytes where a file arrived, else the API's size. */
export function expectedBytes(
  files: readonly CourseMediaFile[],
  stored: readonly { url: string; size: number; stored: boolean }[],
) {
  return files.reduce((sum, f) => {
    const got = stored.find((s) => s.url === f.url && s.stored);
    return sum + (got ? got.size : (f.bytes ?? 0));
  }, 0);
}
