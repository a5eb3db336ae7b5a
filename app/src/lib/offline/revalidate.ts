// Reading through the phone's copy. Offline: answers the stored copy. Online: asks the server with the
// stored ETag (If-None-Match); a 304 keeps the copy, a 200 replaces it. Without ETags it simply refetches.
import type { ApiClient } from '$lib/api/client';
import { NetworkError } from '$lib/api/errors';
import { toQueryString, type QueryValue } from '$lib/api/query';
import type { UserDatabase } from './database';

export interface Revalidated<T> {
  body: T;
  /** Where the answer came from: the server (new or confirmed by 304), or the phone when offline. */
  source: 'network' | 'not-modified' | 'offline-copy';
}

export async function revalidate<T>(
  db: UserDatabase,
  api: ApiClient,
  path: string,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<Revalidated<T>> {
  const key = copyKey(path, query);
  const stored = await db.responses.get(key);
  let res: Response;
  try {
    res = await api.response(path, {
      query,
      signal,
      headers: stored?.etag ? { 'if-none-match': stored.etag } : undefined,
    });
  } catch (error) {
    if (error instanceof NetworkError && stored) return { body: stored.body as T, source: 'offline-copy' };
    throw error;
  }
  if (res.status === 304 && stored) return { body: stored.body as T, source: 'not-modified' };
  const body = (await res.json()) as T;
  await db.responses.put({ key, etag: res.headers.get('etag'), body, storedAt: new Date().toISOString() });
  return { body, source: 'network' };
}

/** Offline: local only. The copy an earlier `revalidate` of the same path and query kept, if any. */
export async function storedCopy<T>(
  db: UserDatabase,
  path: string,
  query?: Record<string, QueryValue>,
): Promise<T | undefined> {
  return (await db.responses.get(copyKey(path, query)))?.body as T | undefined;
}

function copyKey(path: string, query?: Record<string, QueryValue>): string {
  return query ? `${path}?${toQueryString(query)}` : path;
}
