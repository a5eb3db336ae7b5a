// Downloaded media lives in the Cache API, one cache per user, where the service worker's /uploads/* route
// finds it (with Range support, so audio and video seek offline). Dexie tracks what each course holds.
import type { CourseDownload, UserDatabase } from './database';

export function mediaCacheName(userDocumentId: string): string {
  return `lms-media-${userDocumentId}`;
}

/**
 * Online: fetches each file the course does not hold yet, reporting progress after each one. Resumable:
 * files already stored are skipped, so a download cut short continues where it stopped.
 */
export async function downloadCourseMedia(
  db: UserDatabase,
  userDocumentId: string,
  course: string,
  urls: string[],
  onProgress?: (download: CourseDownload) => void,
): Promise<CourseDownload> {
  const cache = await caches.open(mediaCacheName(userDocumentId));
  const previous = await db.downloads.get(course);
  const files = urls.map((url) => previous?.files.find((f) => f.url === url) ?? { url, size: 0, stored: false });
  const download: CourseDownload = {
    course,
    state: 'downloading',
    files,
    totalBytes: files.reduce((n, f) => n + f.size, 0),
    storedBytes: files.filter((f) => f.stored).reduce((n, f) => n + f.size, 0),
    updatedAt: new Date().toISOString(),
  };
  await db.downloads.put(download);
  try {
    for (const file of files) {
      if (file.stored && (await cache.match(file.url))) continue;
      // no-store: the file lives in the media cache only, not a second time in the browser's HTTP cache.
      const res = await fetch(file.url, { cache: 'no-store' });
      if (!res.ok) throw new Error(`${file.url}: ${res.status}`);
      const blob = await res.blob();
      await cache.put(file.url, new Response(blob, { headers: res.headers }));
      Object.assign(file, { size: blob.size, stored: true });
      download.totalBytes = files.reduce((n, f) => n + f.size, 0);
      download.storedBytes = files.filter((f) => f.stored).reduce((n, f) => n + f.size, 0);
      await db.downloads.put({ ...download, updatedAt: new Date().toISOString() });
      onProgress?.(download);
    }
    download.state = 'complete';
  } catch (error) {
    download.state = 'failed';
    download.error = error instanceof Error ? error.message : String(error);
  }
  await db.downloads.put({ ...download, updatedAt: new Date().toISOString() });
  return download;
}

/** Offline: local only. Frees a course's media (files another course still holds are kept). */
export async function removeCourseMedia(db: UserDatabase, userDocumentId: string, course: string): Promise<void> {
  const download = await db.downloads.get(course);
  if (!download) return;
  const others = (await db.downloads.toArray()).filter((d) => d.course !== course);
  const stillUsed = new Set(others.flatMap((d) => d.files.map((f) => f.url)));
  const cache = await caches.open(mediaCacheName(userDocumentId));
  await Promise.all(download.files.filter((f) => !stillUsed.has(f.url)).map((f) => cache.delete(f.url)));
  await db.downloads.delete(course);
}
