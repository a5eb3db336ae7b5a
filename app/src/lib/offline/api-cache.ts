// The service worker keeps API answers per user: the cache key carries the user id from the bearer token,
// so on a shared phone one child's cached answers are never served to another. Sign-out deletes by it.

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
