import { describe, expect, it } from 'vitest';
import { boundaryOf, MultipartError, MultipartReader } from './multipart-reader';

/** The body a browser's FormData becomes, cut into chunks of `size` bytes (every split point is tried). */
async function encoded(form: FormData): Promise<{ bytes: Uint8Array; boundary: string }> {
  const request = new Request('http://x/', { method: 'POST', body: form });
  return {
    bytes: new Uint8Array(await request.arrayBuffer()),
    boundary: boundaryOf(request.headers.get('content-type')!)!,
  };
}

function streamOf(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>, boundary: string) {
  const reader = new MultipartReader(body, boundary);
  const parts: { name: string; filename?: string; contentType?: string; bytes: number[] }[] = [];
  for (let part = await reader.nextPart(); part; part = await reader.nextPart()) {
    const bytes: number[] = [];
    for (let chunk = await reader.read(); chunk; chunk = await reader.read()) bytes.push(...chunk);
    parts.push({ ...part, bytes });
  }
  return parts;
}

describe('reading multipart/form-data as it arrives', () => {
  it('files and fields come out whole, however the body is cut into chunks', async () => {
    // Bytes that look like the start of a delimiter inside a file must stay in it.
    const tricky = new TextEncoder().encode('a\r\n--\r\n-\rb\r\n\r\n');
    const form = new FormData();
    form.append('files', new Blob([tricky], { type: 'image/png' }), 'لوحة "one".png');
    form.append('fileInfo', JSON.stringify({ name: 'x' }));
    form.append('files', new Blob([]), 'empty.pdf');
    const { bytes, boundary } = await encoded(form);
    for (const size of [1, 2, 3, 7, 16, 64, bytes.length]) {
      const parts = await readAll(streamOf(bytes, size), boundary);
      expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
        ['files', 'لوحة "one".png', 'image/png'],
        ['fileInfo', undefined, undefined],
        ['files', 'empty.pdf', 'application/octet-stream'],
      ]);
      expect(parts[0]!.bytes).toEqual([...tricky]);
      expect(new TextDecoder().decode(new Uint8Array(parts[1]!.bytes))).toBe('{"name":"x"}');
      expect(parts[2]!.bytes).toEqual([]);
    }
  });

  it('parts left unread are skipped; text() reads a field and refuses one too long', async () => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(5000)]), 'skip.bin');
    form.append('note', 'salaam');
    form.append('long', 'x'.repeat(100));
    const { bytes, boundary } = await encoded(form);
    const reader = new MultipartReader(streamOf(bytes, 100), boundary);
    expect((await reader.nextPart())?.filename).toBe('skip.bin');
    expect((await reader.nextPart())?.name).toBe('note');
    expect(await reader.text(64)).toBe('salaam');
    expect((await reader.nextPart())?.name).toBe('long');
    await expect(reader.text(64)).rejects.toBeInstanceOf(MultipartError);
  });

  it('a body cut off in the middle of a part, or with no parts, is refused', async () => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(100)]), 'a.bin');
    const { bytes, boundary } = await encoded(form);
    await expect(readAll(streamOf(bytes.slice(0, 150), 16), boundary)).rejects.toBeInstanceOf(MultipartError);
    await expect(readAll(streamOf(new TextEncoder().encode('hello'), 4), boundary)).rejects.toBeInstanceOf(
      MultipartError,
    );
  });

  it('finds the boundary in quoted and plain Content-Type headers', () => {
    expect(boundaryOf('multipart/form-data; boundary=----abc123')).toBe('----abc123');
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(boundaryOf('application/json')).toBeNull();
  });
});
