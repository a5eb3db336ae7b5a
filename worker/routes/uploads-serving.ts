import { Hono, type Context } from 'hono';
import type { AppEnv } from '../env';
import { notFound } from '../lib/errors';
import { contentRange, etagMatches, parseRange } from '../services/media/http-ranges';
import { keyFromPath } from '../services/media/object-names';
import { mediaBucket } from '../services/media/store';

/**
 * `GET /uploads/<key>` streams media from R2. Media is public on purpose — course covers, lesson audio
 * and video are shown to anonymous visitors and cached by the PWA — and its keys carry a random part, so
 * a file is reachable only through its URL. No database and no sign-in are involved.
 */
export const uploadsServingRoutes = new Hono<AppEnv>();

// Hono answers HEAD with the GET route (and drops the body); the handler asks R2 for metadata only.
uploadsServingRoutes.get('/*', serveUpload);

async function serveUpload(c: Context<AppEnv>): Promise<Response> {
  const key = keyFromPath(c.req.path);
  if (!key) throw notFound('File not found');
  const bucket = mediaBucket(c.env);
  const rangeHeader = c.req.header('range');
  const ifNoneMatch = c.req.header('if-none-match');

  // A plain GET needs one R2 read; HEAD, conditional and range requests look at the metadata first
  // (the size decides the range, the ETag decides 304) and read the body only when it is sent.
  const plain = c.req.method === 'GET' && !rangeHeader && !ifNoneMatch;
  const fetched = plain ? await bucket.get(key) : null;
  const object = fetched ?? (plain ? null : await bucket.head(key));
  if (!object) throw notFound('File not found');

  const headers = objectHeaders(object);
  if (etagMatches(ifNoneMatch, object.httpEtag)) return new Response(null, { status: 304, headers });

  const range = parseRange(rangeHeader, object.size);
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${object.size}`);
    return new Response(null, { status: 416, headers });
  }
  const status = range.kind === 'part' ? 206 : 200;
  if (range.kind === 'part') headers.set('Content-Range', contentRange(range, object.size));
  headers.set('Content-Length', String(range.kind === 'part' ? range.length : object.size));
  if (c.req.method === 'HEAD') return new Response(null, { status, headers });

  const content =
    fetched ??
    (await bucket.get(key, range.kind === 'part' ? { range: { offset: range.offset, length: range.length } } : {}));
  // Deleted between the two reads.
  if (!content) throw notFound('File not found');
  return new Response(content.body, { status, headers });
}

function objectHeaders(object: R2Object): Headers {
  const headers = new Headers();
  // Content-Type (the sniffed one, stored at upload) and, for PDFs, Content-Disposition with the name.
  object.writeHttpMetadata(headers);
  if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/octet-stream');
  headers.set('ETag', object.httpEtag);
  headers.set('Last-Modified', object.uploaded.toUTCString());
  // A key is never reused for other content, so browsers and caches may keep it for a year unasked.
  headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  headers.set('Accept-Ranges', 'bytes');
  // Browsers must take the sniffed type as it is, never guess a more dangerous one (HTML) from the bytes.
  headers.set('X-Content-Type-Options', 'nosniff');
  // Opened on its own, an upload is a sandboxed document: no script, no forms, no plugins, even if a
  // browser found a way to treat its bytes as something active.
  headers.set('Content-Security-Policy', uploadPolicy(headers.get('Content-Type') ?? ''));
  headers.set('Content-Disposition', disposition(headers));
  return headers;
}

/**
 * The browser's own viewers need a little: inline styles to centre an image, and for audio and video
 * their own origin, or the player's request for the bytes is refused as cross-origin (a sandbox alone
 * makes the origin opaque). Script is never allowed, so keeping the origin gives it nothing to run.
 */
function uploadPolicy(type: string): string {
  const media = /^(audio|video)\//i.test(type);
  return `sandbox${media ? ' allow-same-origin' : ''}; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'`;
}

/**
 * Images, audio and video play in the page; anything else (PDFs) is downloaded rather than opened on
 * our origin, where a document viewer would run with the site's cookies and storage. The stored name
 * is kept: objects uploaded before this rule carry `inline; filename=…`.
 */
function disposition(headers: Headers): string {
  const stored = headers.get('Content-Disposition') ?? '';
  const type = headers.get('Content-Type') ?? '';
  const parameters = stored.replace(/^\s*(inline|attachment)\s*;?\s*/i, '');
  if (/^(image|audio|video)\//i.test(type)) return stored || 'inline';
  return parameters ? `attachment; ${parameters}` : 'attachment';
}
