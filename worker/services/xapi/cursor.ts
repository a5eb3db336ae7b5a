import { toBase64Url } from '../../lib/ids';

/**
 * Where a page of statements ended: the last row's `stored` (to the microsecond, as Postgres keeps it)
 * and its id, which breaks ties between statements stored in the same INSERT. The next page starts
 * strictly after it, so rows stored meanwhile never shift a page the way an offset would.
 */
export interface Cursor {
  stored: string;
  id: string;
}

const STORED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: they hand it back in `more`, they are not meant to read or build it. */
export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify([cursor.stored, cursor.id])));
}

/** The cursor, or null when the text is not one that encodeCursor made. */
export function decodeCursor(text: string): Cursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [stored, id] = value as unknown[];
    if (typeof stored !== 'string' || typeof id !== 'string' || !STORED.test(stored) || !UUID.test(id)) return null;
    return { stored, id };
  } catch {
    return null;
  }
}
