// One GET for the learner pages: straight from the API on a first visit; through the phone's copy
// (revalidated with If-None-Match) once the offline layer is in use, so the page still shows offline.
import type { QueryValue } from '$lib/api/query';
import { offline } from '$lib/offline/runtime.svelte';
import { api } from '$lib/session.svelte';

/** Offline with the offline layer in use: the last copy the phone kept; with no copy, a NetworkError. */
export async function readThrough<T>(
  path: string,
  query?: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T> {
  if (!offline.inUse()) return api.get<T>(path, query, signal);
  const { db, offline: m } = await offline.open();
  return (await m.revalidate<T>(db, api, path, query, signal)).body;
}
