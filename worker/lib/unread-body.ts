/** Bodies up to this size are read to the end when the route did not read them; larger ones are left. */
export const UNREAD_BODY_LIMIT = 64 * 1024;

/**
 * Reads what is left of a small request body the app answered without reading (a 401 before the route,
 * a 404, an action that takes no fields). Where workerd itself holds the client's connection (Miniflare
 * locally), it closes a keep-alive connection whose request body was left unread, and the client's next
 * request on it is reset: undici's fetch does not retry a POST, a load generator counts an error. On
 * Cloudflare the edge holds the connection, so there it costs one read of a few bytes. A large or
 * unknown-length body is not read for nothing: that connection closes, as it should.
 */
export async function readUnreadBody(
  request: Pick<Request, 'body' | 'bodyUsed' | 'headers' | 'arrayBuffer'>,
  limit = UNREAD_BODY_LIMIT,
): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  const declared = request.headers.get('content-length');
  const length = declared === null ? NaN : Number(declared);
  if (!Number.isFinite(length) || length > limit) return;
  try {
    await request.arrayBuffer();
  } catch {
    // The client went away mid-body: nothing is left to keep.
  }
}
