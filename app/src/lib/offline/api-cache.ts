// The service worker keeps API answers per user: the cache key carries the user id from the bearer token,
// so on a shared phone one child's cached answers are never served to another. Sign-out deletes by it.
// Each kept copy is stamped with the time it was saved, so a page read offline can say how old it is.
import type { ApiClient } from '$lib/api/client';
import type { QueryValue } from '$lib/api/query';

export const API_CACHE = 'lms-api';

export function apiCacheUserTag(userId: number | string): string {
  return `lms-user=${userId}`;
}

/**
 * The user id (`sub`) of a bearer token, read without verifying it: it only picks a cache entry; the
 * server verifies every token it receives. An expired token still names its user, which is what lets
 * cached answers be served offline.
 */
export function tokenSubject(authorization: string | null): string | null {
  const token = authorization?.match(/^Bearer (.+)$/)?.[1];
  const part = token?.split('.')[1];
  if (!part) return null;
  try {
    const payload = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : null;
  } catch {
    return null;
  }
}

/** The key an API GET is cached under: its URL plus whose answer it is (anonymous answers are shared). */
export function apiCacheKey(url: string, authorization: string | null): string {
  const subject = tokenSubject(authorization);
  if (!subject) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${apiCacheUserTag(subject)}`;
}

/** Only a kept copy carries it (the service worker adds it when it stores an answer): when it was saved. */
export const SAVED_AT_HEADER = 'x-lms-saved-at';

/** The copy of an answer the service worker keeps: the same answer, stamped with when it was saved. */
export function stampSavedAt(response: Response, at: Date): Response {
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT_HEADER, at.toISOString());
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** When this answer was saved if it is the phone's copy (offline, or the network stalled); null if fresh. */
export function savedAt(response: Response): string | null {
  const value = response.headers.get(SAVED_AT_HEADER);
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** The oldest of several answers' saved times: a page is as old as its oldest part. Null when all are fresh. */
export function oldestSavedAt(times: readonly (string | null)[]): string | null {
  const saved = times.filter((t): t is string => t !== null);
  return saved.length ? saved.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)) : null;
}

/**
 * A GET answered by the network when it can be, else by the copy the service worker kept (for the reads it
 * keeps, see `CACHED_READS` in service-worker.ts). Offline with no copy: a NetworkError.
 */
export async function getKept<T>(
  api: ApiClient,
  path: string,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<{ body: T; savedAt: string | null }> {
  const res = await api.response(path, { query, signal });
  return { body: (await res.json()) as T, savedAt: savedAt(res) };
}
