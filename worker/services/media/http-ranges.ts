/** The parts of RFC 9110 that serving media needs: one byte range, and If-None-Match. */

export type RangeRequest =
  /** No usable Range header: send the whole object. */
  | { kind: 'whole' }
  /** Send `length` bytes from `offset`, as 206. */
  | { kind: 'part'; offset: number; length: number }
  /** The range starts past the end: 416. */
  | { kind: 'unsatisfiable' };

/**
 * Reads `Range: bytes=a-b`, `bytes=a-` and `bytes=-n` against an object of `size` bytes. A header we
 * cannot use — another unit, a malformed one, or several ranges (which would need a multipart answer)
 * — is ignored, as the RFC allows, and the whole object is sent.
 */
export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  const match = header ? /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header.trim()) : null;
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };

  if (first === '') {
    // The last n bytes; asking for more than there is means all of it.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    const length = Math.min(suffix, size);
    return { kind: 'part', offset: size - length, length };
  }

  const start = Number(first);
  // "bytes=9-2" is not a range at all; the RFC says to ignore it rather than refuse.
  if (last !== '' && Number(last) < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'part', offset: start, length: end - start + 1 };
}

export function contentRange(range: { offset: number; length: number }, size: number): string {
  return `bytes ${range.offset}-${range.offset + range.length - 1}/${size}`;
}

/** If-None-Match compares weakly: `W/"x"` matches `"x"`, and `*` matches any object. */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}
