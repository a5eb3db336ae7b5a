// Reading and saving one document with its version: a GET answers the ETag the editor keeps, a save
// sends it back in If-Match, and a newer save by someone else is a 412 that names them (README,
// "Editing conflicts"). Framework-free, so it is tested without Svelte.
import { ApiError, type ApiClient } from '$lib/api';
import type { QueryValue } from '$lib/api/query';

export interface Versioned<T> {
  data: T;
  /** The ETag to send back in If-Match; null when the server gave none. */
  version: string | null;
}

export async function readVersioned<T>(
  api: ApiClient,
  path: string,
  query: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<Versioned<T>> {
  const res = await api.response(path, { query, signal });
  const body = (await res.json()) as { data: T };
  return { data: body.data, version: res.headers.get('etag') };
}

/** PUT `data`, only if the document is still at `version` (always, when `version` is null). */
export async function saveVersioned<T>(
  api: ApiClient,
  path: string,
  data: Record<string, unknown>,
  version: string | null,
  query: Record<string, QueryValue> = {},
): Promise<Versioned<T>> {
  const res = await api.response(path, {
    method: 'PUT',
    query,
    body: { data },
    headers: version ? { 'if-match': version } : {},
  });
  const body = (await res.json()) as { data: T };
  return { data: body.data, version: res.headers.get('etag') };
}

/** Who saved the document after the editor opened it, from a 412's details. */
export interface Conflict {
  version: string | null;
  updatedAt: string | null;
  username: string | null;
}

export function conflictOf(error: unknown): Conflict | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = (error.details as { current?: Record<string, unknown> } | null)?.current;
  const by = current?.updatedBy as { username?: unknown } | null | undefined;
  return {
    version: typeof current?.version === 'string' ? current.version : null,
    updatedAt: typeof current?.updatedAt === 'string' ? current.updatedAt : null,
    username: typeof by?.username === 'string' ? by.username : null,
  };
}
