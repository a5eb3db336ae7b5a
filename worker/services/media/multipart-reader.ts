/**
 * Reads a multipart/form-data body part by part as it arrives (RFC 7578), so an upload is never held
 * whole in memory: the caller takes each part's bytes chunk by chunk and may stop at any moment (a
 * refused file). `Response.formData()` would buffer the entire request first.
 */

export interface PartHeaders {
  /** The form field's name. */
  name: string;
  /** Present for file fields (possibly empty when the browser had no name). */
  filename?: string;
  contentType?: string;
}

export class MultipartError extends Error {}

/** Part headers longer than this are not a browser's: refuse rather than buffer them. */
const MAX_HEADER_BYTES = 16 * 1024;

const CRLF = new Uint8Array([13, 10]);
const HEADER_END = new Uint8Array([13, 10, 13, 10]);
const utf8 = new TextDecoder();

export function boundaryOf(contentType: string): string | null {
  const match = /^multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

export class MultipartReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly delimiter: Uint8Array;
  private buffer: Uint8Array = new Uint8Array(0);
  private ended = false;
  /** Where the reader stands: before the first part, before a part's headers, in its body, or at the end. */
  private state: 'preamble' | 'headers' | 'body' | 'done' = 'preamble';

  constructor(body: ReadableStream<Uint8Array>, boundary: string) {
    this.reader = body.getReader();
    this.delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
  }

  /** The next part's headers, or null after the last part. Any unread bytes of the current part are skipped. */
  async nextPart(): Promise<PartHeaders | null> {
    if (this.state === 'body') while ((await this.read()) !== null);
    if (this.state === 'preamble') {
      // The first delimiter may open the body directly, without the CRLF before it.
      await this.fill();
      this.buffer = concat(CRLF, this.buffer);
      await this.skipPast(this.delimiter);
      await this.afterDelimiter();
    }
    if (this.state !== 'headers') return null;
    const end = await this.find(HEADER_END, MAX_HEADER_BYTES);
    if (end < 0) throw new MultipartError('a part of the form has no end to its headers');
    const headers = parseHeaders(utf8.decode(this.buffer.subarray(0, end)));
    this.buffer = this.buffer.subarray(end + HEADER_END.length);
    this.state = 'body';
    return headers;
  }

  /** The next bytes of the current part, or null at its end. */
  async read(): Promise<Uint8Array | null> {
    if (this.state !== 'body') return null;
    for (;;) {
      const at = indexOf(this.buffer, this.delimiter);
      if (at >= 0) {
        const chunk = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        await this.afterDelimiter();
        return chunk.length ? chunk : null;
      }
      // Everything but a tail that could be the start of the delimiter is the part's.
      const safe = this.buffer.length - (this.delimiter.length - 1);
      if (safe > 0) {
        const chunk = this.buffer.subarray(0, safe);
        this.buffer = this.buffer.subarray(safe);
        return chunk;
      }
      if (!(await this.fill())) throw new MultipartError('the form ended in the middle of a part');
    }
  }

  /** The rest of the current part as text, refusing more than `limit` bytes. */
  async text(limit: number): Promise<string> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (let chunk = await this.read(); chunk; chunk = await this.read()) {
      size += chunk.length;
      if (size > limit) throw new MultipartError(`a form field is longer than ${limit} bytes`);
      chunks.push(chunk);
    }
    return utf8.decode(concat(...chunks));
  }

  /**
   * Reads and drops what is left of the body, up to `limit` bytes, then stops reading. Answering while
   * a client is still sending leaves `wrangler dev`'s proxy stuck for the next requests, so a refusal
   * lets a modest remainder arrive first; Cloudflare itself copes with either.
   */
  async discardRest(limit: number): Promise<void> {
    this.state = 'done';
    try {
      for (let dropped = 0; dropped <= limit;) {
        const { done, value } = await this.reader.read();
        if (done) return;
        dropped += value.length;
      }
    } catch {
      // The client went away, or the body passed the request's limit: nothing more to read.
    }
    await this.reader.cancel().catch(() => {});
  }

  /** After a delimiter: "--" closes the form, CRLF starts a part's headers. */
  private async afterDelimiter(): Promise<void> {
    while (this.buffer.length < 2 && (await this.fill()));
    if (this.buffer[0] === 45 && this.buffer[1] === 45) {
      this.state = 'done';
      return;
    }
    // Transport padding (spaces, tabs) may sit before the CRLF.
    const lineEnd = await this.find(CRLF, 1024);
    if (lineEnd < 0) throw new MultipartError('a form delimiter is not followed by a line end');
    this.buffer = this.buffer.subarray(lineEnd + CRLF.length);
    this.state = 'headers';
  }

  private async skipPast(needle: Uint8Array): Promise<void> {
    for (;;) {
      const at = indexOf(this.buffer, needle);
      if (at >= 0) {
        this.buffer = this.buffer.subarray(at + needle.length);
        return;
      }
      this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - needle.length + 1));
      if (!(await this.fill())) throw new MultipartError('the body holds no form part');
    }
  }

  /** The index of `needle` in the buffer, reading more as needed but never holding more than `limit` bytes. */
  private async find(needle: Uint8Array, limit: number): Promise<number> {
    for (;;) {
      const at = indexOf(this.buffer, needle);
      if (at >= 0) return at;
      if (this.buffer.length > limit || !(await this.fill())) return -1;
    }
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const { done, value } = await this.reader.read();
    if (done) {
      this.ended = true;
      return false;
    }
    this.buffer = this.buffer.length ? concat(this.buffer, value) : value;
    return true;
  }
}

function parseHeaders(text: string): PartHeaders {
  let disposition = '';
  let contentType: string | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') disposition = value;
    if (name === 'content-type') contentType = value;
  }
  if (!/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('a form part has no form-data disposition');
  const name = parameter(disposition, 'name');
  if (name === undefined) throw new MultipartError('a form part has no field name');
  const filename = parameter(disposition, 'filename*') ?? parameter(disposition, 'filename');
  return { name, ...(filename !== undefined && { filename }), ...(contentType && { contentType }) };
}

/** A Content-Disposition parameter: quoted (browsers escape `"` as %22), token, or RFC 5987 (filename*). */
function parameter(disposition: string, key: string): string | undefined {
  const escaped = key.replace('*', '\\*');
  const match = new RegExp(`;\\s*${escaped}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(disposition);
  if (!match) return undefined;
  const raw = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? '');
  if (key.endsWith('*')) {
    const extended = /^utf-8''(.*)$/i.exec(raw);
    if (!extended) return undefined;
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      return undefined;
    }
  }
  return raw.replace(/%22/g, '"');
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first!); i >= 0 && i <= last; i = haystack.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
