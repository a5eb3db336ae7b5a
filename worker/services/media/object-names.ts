import { randomToken } from '../../lib/ids';
import type { MediaType } from './media-types';

/** Every object lives under this prefix in R2, and is served at the same path of the site. */
export const UPLOADS_PREFIX = 'uploads/';

/** What a served path may look like; anything else is a 404 without asking R2. */
const OBJECT_KEY = /^uploads\/[a-z0-9_-]{1,200}\.[a-z0-9]{1,8}$/;

/**
 * Strapi's `name_hash`: a readable slug of the file name, then 20 random characters (about 103 bits),
 * so URLs cannot be guessed and two uploads never share a key. Keys are never reused, which is what
 * lets the served objects be cached as immutable.
 */
export function newObjectHash(fileName: string): string {
  return `${slugify(baseName(fileName))}_${randomToken(20)}`;
}

/** The name's extension when it suits the sniffed type (".jpeg" stays ".jpeg"), else the type's own. */
export function extensionFor(fileName: string, type: MediaType): string {
  const ext = extensionOf(fileName);
  return type.extensions.includes(ext) ? ext : (type.extensions[0] ?? '');
}

export function objectKey(hash: string, ext: string): string {
  return `${UPLOADS_PREFIX}${hash}${ext}`;
}

/** The public URL path of an object: the site serves `/uploads/<key part>` from R2. */
export function objectUrl(key: string): string {
  return `/${key}`;
}

/** The R2 key a request path names, or null when the path cannot be one of ours. */
export function keyFromPath(path: string): string | null {
  const key = path.replace(/^\//, '');
  return OBJECT_KEY.test(key) ? key : null;
}

/** Lowercase ASCII words joined by "_"; a name with no Latin letters (e.g. Arabic) becomes "file". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '');
  return slug || 'file';
}

/**
 * `inline` lets the browser show a PDF in place; the name travels twice, as ASCII for old clients and
 * as RFC 5987 UTF-8 for the rest. Quotes and control characters are dropped so the header stays intact.
 */
export function inlineDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const utf8 = encodeURIComponent(wellFormed(fileName).replace(/\p{Cc}/gu, '')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${fallback}"; filename*=UTF-8''${utf8}`;
}

/** A lone surrogate (possible in JSON) would make encodeURIComponent throw. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function extensionOf(fileName: string): string {
  const match = /\.[A-Za-z0-9]{1,8}$/.exec(fileName);
  return match ? match[0].toLowerCase() : '';
}

function baseName(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '');
}
