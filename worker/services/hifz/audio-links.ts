/**
 * A recitation's audio is a child's voice: served only to the people who may read the recording, never
 * public and never kept by a shared cache. An <audio> element cannot send the bearer token, so answers
 * carry a link signed for that one recording that stops working after LINK_SECONDS.
 */
export const LINK_SECONDS = 60 * 60;

const encoder = new TextEncoder();

async function hmac(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(message)));
  return btoa(String.fromCharCode(...signature))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const message = (documentId: string, expires: number) => `hifz-recitation-audio:${documentId}:${expires}`;

/** "<expiry seconds>.<signature>" for this recording. */
export async function audioToken(secret: string, documentId: string, now = Date.now()): Promise<string> {
  const expires = Math.floor(now / 1000) + LINK_SECONDS;
  return `${expires}.${await hmac(secret, message(documentId, expires))}`;
}

/** Whether `token` was signed for this recording and has not expired (compared in constant time). */
export async function audioTokenValid(
  secret: string,
  documentId: string,
  token: string | undefined,
  now = Date.now(),
): Promise<boolean> {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 < now) return false;
  const expected = await hmac(secret, message(documentId, expires));
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= expected.charCodeAt(i) ^ match[2]!.charCodeAt(i);
  return difference === 0;
}
