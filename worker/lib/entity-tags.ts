import { badRequest } from './errors';

/**
 * A document's version is its `updatedAt` in whole milliseconds (what the API shows); every save moves it
 * forward by at least one millisecond (services/content/document-saves.ts), so two saves never share one.
 * Its entity tag is that number, quoted: `"1764072000123"`.
 */
export const entityTag = (version: number) => `"${version}"`;

export function versionOf(updatedAt: string | Date): number {
  return typeof updatedAt === 'string' ? Date.parse(updatedAt) : updatedAt.getTime();
}

/** `If-Match`: `*`, or a list of entity tags. Weak tags never match (RFC 9110 compares strongly here). */
export type IfMatch = '*' | string[];

export function parseIfMatch(header: string | undefined): IfMatch | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  if (header.trim() === '*') return '*';
  const tags = header.split(',').map((tag) => tag.trim());
  if (!tags.every((tag) => /^(W\/)?"[\x21\x23-\x7e]*"$/.test(tag)))
    throw badRequest('If-Match must be * or a list of quoted entity tags, e.g. "1764072000123"');
  return tags;
}

/**
 * Whether If-Match names this version: its tag `"<version>"`, or the tag a GET answered for the document,
 * `"<version>-<digest of the representation>"` (middleware/conditional-get.ts).
 */
export function ifMatchAccepts(ifMatch: IfMatch, version: number): boolean {
  if (ifMatch === '*') return true;
  return ifMatch.some((tag) => tag === entityTag(version) || tag.startsWith(`"${version}-`));
}
