import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { toBase64Url } from '../lib/ids';

const CACHEABLE = /^(application\/(json|[\w.+-]+\+json)|text\/csv)\b/i;

/** If-None-Match matches when any listed tag names this representation (weak comparison, RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === tag);
}

/**
 * Every successful GET of the API answers a strong ETag of its body and honours If-None-Match with 304,
 * so a phone revalidating its offline copy on every start downloads nothing that has not changed. A
 * document's version tag (`"<updatedAt ms>"`, what an editor sends back in If-Match) stays its prefix:
 * `"<version>-<digest>"`, since the populated relations can change while the document does not.
 *
 * Cache-Control: a signed-in answer is `private, no-cache` (kept by the browser, revalidated each time);
 * an anonymous one is public for a second to shared caches (`s-maxage=1`), so a content write is visible
 * everywhere within a second. Routes that set their own Cache-Control keep it.
 */
export const conditionalGet = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return;
  if (!CACHEABLE.test(c.res.headers.get('content-type') ?? '')) return;
  const body = await c.res.clone().arrayBuffer();
  const digest = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', body))).slice(0, 22);
  const version = /^"(\d+)"$/.exec(c.res.headers.get('etag') ?? '')?.[1];
  const tag = version ? `"${version}-${digest}"` : `"${digest}"`;
  // Hono carries the current answer's headers over to any answer that replaces it: set them in place.
  const headers = c.res.headers;
  headers.set('ETag', tag);
  if (!headers.has('cache-control')) {
    headers.set(
      'Cache-Control',
      c.req.header('authorization') ? 'private, no-cache' : 'public, max-age=0, must-revalidate, s-maxage=1',
    );
  }
  headers.append('Vary', 'Authorization');
  if (matches(c.req.header('if-none-match'), tag)) {
    for (const name of ['content-type', 'content-length', 'content-disposition']) headers.delete(name);
    c.res = new Response(null, { status: 304, headers });
  }
});
