import { describe, expect, it } from 'vitest';
import { IMAGE_LIMIT_BYTES } from '../../worker/services/media/media-types';
import { api, baseUrl, tokenFor, unique } from '../support/api';
import * as fixture from '../support/media-fixtures';

interface Part {
  bytes: Uint8Array<ArrayBuffer>;
  name: string;
  /** What the client claims; the server sniffs the bytes instead. */
  type?: string;
}

/** POST /api/upload as a browser would send it: multipart/form-data built by FormData. */
async function upload(token: string | undefined, parts: Part[], fileInfo?: unknown) {
  const form = new FormData();
  for (const part of parts)
    form.append('files', new Blob([part.bytes], { type: part.type ?? 'application/octet-stream' }), part.name);
  if (fileInfo !== undefined)
    form.append('fileInfo', typeof fileInfo === 'string' ? fileInfo : JSON.stringify(fileInfo));
  const response = await fetch(`${baseUrl()}/api/upload`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

async function uploadOne(username: string, part: Part, fileInfo?: unknown) {
  const r = await upload(await tokenFor(username), [part], fileInfo);
  if (r.status !== 201) throw new Error(`upload failed: ${JSON.stringify(r.body)}`);
  return r.body[0];
}

const serve = (url: string, init: RequestInit = {}) => fetch(baseUrl() + url, init);

async function allFileNames(): Promise<string[]> {
  const r = await api('/api/upload/files?pagination[pageSize]=100', { token: await tokenFor('admin') });
  return r.body.map((f: any) => f.name);
}

describe('uploading media', () => {
  it('a teacher uploads a PNG: 201 with a bare array of Strapi file objects, sized from the header', async () => {
    const name = `${unique('cover')}.png`;
    const r = await upload(await tokenFor('teacher.amina'), [{ bytes: fixture.png1x1(), name, type: 'image/png' }], {
      alternativeText: 'The prayer hall',
      caption: 'Cover',
    });
    expect(r.status).toBe(201);
    expect(Array.isArray(r.body)).toBe(true);
    const [file] = r.body;
    expect(Object.keys(file).sort()).toEqual(
      [
        'id',
        'documentId',
        'name',
        'alternativeText',
        'caption',
        'width',
        'height',
        'formats',
        'hash',
        'ext',
        'mime',
        'size',
        'url',
        'previewUrl',
        'provider',
        'provider_metadata',
        'createdAt',
        'updatedAt',
      ].sort(),
    );
    expect(file).toMatchObject({
      name,
      alternativeText: 'The prayer hall',
      caption: 'Cover',
      width: 1,
      height: 1,
      formats: null,
      ext: '.png',
      mime: 'image/png',
      size: 0.07,
      previewUrl: null,
      provider: 'r2',
    });
    expect(file.hash).toMatch(/^cover[a-z0-9]+_[a-z0-9]{20}$/);
    expect(file.url).toBe(`/uploads/${file.hash}.png`);
    expect(file.provider_metadata).toEqual({ key: `uploads/${file.hash}.png` });
    expect(file.documentId).toMatch(/^[a-z][a-z0-9]{23}$/);

    const served = await serve(file.url);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(fixture.png1x1());
  });

  it('JPEG, GIF and WebP uploads report their width and height', async () => {
    const r = await upload(await tokenFor('teacher.amina'), [
      { bytes: fixture.jpeg(1280, 720), name: 'hall.jpg' },
      { bytes: fixture.gif(48, 32), name: 'star.gif' },
      { bytes: fixture.webpVp8x(800, 600), name: 'garden.webp' },
    ]);
    expect(r.status).toBe(201);
    expect(r.body.map((f: any) => [f.mime, f.width, f.height])).toEqual([
      ['image/jpeg', 1280, 720],
      ['image/gif', 48, 32],
      ['image/webp', 800, 600],
    ]);
  });

  it('audio, video and PDF are typed by their bytes, not by the name or the claimed Content-Type', async () => {
    const r = await upload(await tokenFor('teacher.yusuf'), [
      { bytes: fixture.mp3WithId3(), name: 'recitation.mp3', type: 'text/plain' },
      { bytes: fixture.m4a(), name: 'lecture.m4a' },
      { bytes: fixture.ogg(), name: 'nasheed.ogg' },
      { bytes: fixture.wav(), name: 'adhan.wav' },
      { bytes: fixture.mp4(), name: 'lesson.mp4' },
      { bytes: fixture.webm(), name: 'lesson.webm' },
      { bytes: fixture.pdf(), name: 'worksheet', type: 'image/png' },
    ]);
    expect(r.status).toBe(201);
    expect(r.body.map((f: any) => [f.mime, f.ext])).toEqual([
      ['audio/mpeg', '.mp3'],
      ['audio/mp4', '.m4a'],
      ['audio/ogg', '.ogg'],
      ['audio/wav', '.wav'],
      ['video/mp4', '.mp4'],
      ['video/webm', '.webm'],
      ['application/pdf', '.pdf'],
    ]);
    expect(r.body.every((f: any) => f.width === null && f.height === null)).toBe(true);
  });

  it('WebVTT captions are accepted and served as text/vtt, sandboxed, to read from a <track> (WCAG 1.2.2)', async () => {
    const bytes = fixture.webVtt(['In the name of Allah', 'The Most Merciful'], true);
    const file = await uploadOne('teacher.amina', { bytes, name: 'talk.ar.vtt', type: 'application/octet-stream' });
    expect(file).toMatchObject({ mime: 'text/vtt', ext: '.vtt', name: 'talk.ar.vtt', width: null });
    const served = await serve(file.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/vtt');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    // Opened on its own it downloads under its name; a <track> reads it all the same.
    expect(served.headers.get('content-disposition')).toMatch(/^attachment; filename="talk\.ar\.vtt"/);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    // Text that does not start with the WebVTT signature is not captions, whatever it is called.
    const fake = await upload(await tokenFor('teacher.amina'), [
      { bytes: new TextEncoder().encode('1\n00:00:00,000 --> 00:00:02,000\nSRT\n'), name: 'talk.en.vtt' },
    ]);
    expect(fake.status).toBe(400);
  });

  it('several files take their fileInfo by position, from a JSON array or one fileInfo field per file', async () => {
    const token = await tokenFor('teacher.amina');
    const asArray = await upload(
      token,
      [
        { bytes: fixture.png1x1(), name: 'a.png' },
        { bytes: fixture.pdf(), name: 'b.pdf' },
      ],
      [{ name: 'First.png' }, { caption: 'Second' }],
    );
    expect(asArray.status).toBe(201);
    expect(asArray.body.map((f: any) => [f.name, f.caption])).toEqual([
      ['First.png', null],
      ['b.pdf', 'Second'],
    ]);

    const form = new FormData();
    form.append('files', new Blob([fixture.png1x1()]), 'c.png');
    form.append('files', new Blob([fixture.gif(1, 1)]), 'd.gif');
    form.append('fileInfo', JSON.stringify({ alternativeText: 'one' }));
    form.append('fileInfo', JSON.stringify({ alternativeText: 'two' }));
    const perField = await fetch(`${baseUrl()}/api/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(perField.status).toBe(201);
    expect(((await perField.json()) as any[]).map((f) => f.alternativeText)).toEqual(['one', 'two']);
  });

  it('HTML claiming to be image/png is refused with a 400 that names the file', async () => {
    const r = await upload(await tokenFor('teacher.amina'), [
      { bytes: fixture.html(), name: 'innocent.png', type: 'image/png' },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.error.name).toBe('ValidationError');
    expect(r.body.error.message).toContain('"innocent.png"');
  });

  it('SVG is refused, since it can carry script', async () => {
    const r = await upload(await tokenFor('admin'), [
      { bytes: fixture.svg(), name: 'logo.svg', type: 'image/svg+xml' },
    ]);
    expect(r.status).toBe(400);
  });

  it('one refused file refuses the whole upload: an .exe renamed .png among good files stores nothing', async () => {
    const good = `${unique('good')}.png`;
    const r = await upload(await tokenFor('teacher.amina'), [
      { bytes: fixture.png1x1(), name: good },
      { bytes: fixture.windowsExe(), name: 'holiday.png', type: 'image/png' },
    ]);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('"holiday.png"');
    expect(r.body.error.details.errors[0].path).toEqual(['files', 1]);
    expect(await allFileNames()).not.toContain(good);
  });

  it('an image just over the 10 MB image limit is a 413 naming the file and the limit', async () => {
    const big = new Uint8Array(IMAGE_LIMIT_BYTES + 1);
    big.set(fixture.png1x1());
    const r = await upload(await tokenFor('teacher.amina'), [{ bytes: big, name: 'poster.png' }]);
    expect(r.status).toBe(413);
    expect(r.body.error.name).toBe('PayloadTooLargeError');
    expect(r.body.error.message).toBe('"poster.png" is larger than the 10 MB limit for images');
  });

  it('a form without files, a body that is not multipart, and fileInfo that is not JSON are 400', async () => {
    const token = await tokenFor('teacher.amina');
    const empty = await upload(token, []);
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/No files/);
    const json = await api('/api/upload', { token, body: { files: 'cover.png' } });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toMatch(/multipart\/form-data/);
    const badInfo = await upload(token, [{ bytes: fixture.png1x1(), name: 'x.png' }], '{not json');
    expect(badInfo.status).toBe(400);
    const tooManyInfos = await upload(token, [{ bytes: fixture.png1x1(), name: 'x.png' }], [{}, {}]);
    expect(tooManyInfos.status).toBe(400);
  });

  it('students and parents may not upload (403); anonymous callers get 401', async () => {
    const part = { bytes: fixture.png1x1(), name: 'x.png' };
    expect((await upload(await tokenFor('zaid'), [part])).status).toBe(403);
    expect((await upload(await tokenFor('parent.fatima'), [part])).status).toBe(403);
    const anonymous = await upload(undefined, [part]);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.name).toBe('UnauthorizedError');
  });
});

describe('the file list', () => {
  it('lists files newest first as a bare array, for teachers and admins only', async () => {
    const first = await uploadOne('teacher.amina', { bytes: fixture.png1x1(), name: `${unique('older')}.png` });
    const second = await uploadOne('teacher.yusuf', { bytes: fixture.png1x1(), name: `${unique('newer')}.png` });
    const r = await api('/api/upload/files?pagination[pageSize]=100', { token: await tokenFor('teacher.amina') });
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body)).toBe(true);
    const ids = r.body.map((f: any) => f.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(
      (await api('/api/upload/files?pagination[pageSize]=1', { token: await tokenFor('admin') })).body,
    ).toHaveLength(1);
    expect((await api('/api/upload/files', { token: await tokenFor('ali') })).status).toBe(403);
    expect((await api('/api/upload/files')).status).toBe(401);
  });

  it('finds one file by numeric id or by documentId; an unknown one is a 404', async () => {
    const file = await uploadOne('teacher.amina', { bytes: fixture.pdf(), name: 'syllabus.pdf' });
    const token = await tokenFor('teacher.yusuf');
    expect((await api(`/api/upload/files/${file.id}`, { token })).body).toEqual(file);
    expect((await api(`/api/upload/files/${file.documentId}`, { token })).body).toEqual(file);
    const missing = await api('/api/upload/files/99999999999', { token });
    expect(missing.status).toBe(404);
    expect(missing.body.error.name).toBe('NotFoundError');
  });
});

describe('deleting media', () => {
  it('a teacher deletes their own upload: the answer is the file, and both row and object are gone', async () => {
    const token = await tokenFor('teacher.yusuf');
    const file = await uploadOne('teacher.yusuf', { bytes: fixture.mp3FrameOnly(), name: 'old-talk.mp3' });
    const r = await api(`/api/upload/files/${file.id}`, { method: 'DELETE', token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(file);
    expect((await api(`/api/upload/files/${file.id}`, { token })).status).toBe(404);
    const served = await serve(file.url);
    expect(served.status).toBe(404);
    expect(((await served.json()) as any).error.name).toBe('NotFoundError');
  });

  it('a teacher may not delete another teacher’s upload; an admin may', async () => {
    const file = await uploadOne('teacher.amina', { bytes: fixture.png1x1(), name: 'amina.png' });
    const refused = await api(`/api/upload/files/${file.documentId}`, {
      method: 'DELETE',
      token: await tokenFor('teacher.yusuf'),
    });
    expect(refused.status).toBe(403);
    expect((await serve(file.url)).status).toBe(200);
    expect(
      (await api(`/api/upload/files/${file.documentId}`, { method: 'DELETE', token: await tokenFor('admin') })).status,
    ).toBe(200);
    expect((await serve(file.url)).status).toBe(404);
  });

  it('students may not delete files', async () => {
    const file = await uploadOne('teacher.amina', { bytes: fixture.png1x1(), name: 'kept.png' });
    expect(
      (await api(`/api/upload/files/${file.id}`, { method: 'DELETE', token: await tokenFor('maryam') })).status,
    ).toBe(403);
  });
});

describe('serving media from /uploads', () => {
  const PDF_SIZE = 256;
  const pdfBytes = fixture.pdf(PDF_SIZE);
  let pdfFile: Promise<any> | undefined;
  const storedPdf = () => (pdfFile ??= uploadOne('teacher.amina', { bytes: pdfBytes, name: 'Wudu guide.pdf' }));

  it('answers the object with its type, length, ETag, Last-Modified, year-long immutable caching and nosniff, to anyone', async () => {
    const file = await storedPdf();
    const r = await serve(file.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-length')).toBe(String(PDF_SIZE));
    expect(r.headers.get('etag')).toMatch(/^"[0-9a-f]+"$/);
    expect(new Date(r.headers.get('last-modified')!).getTime()).toBeGreaterThan(Date.now() - 600_000);
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="Wudu guide.pdf"; filename*=UTF-8''Wudu%20guide.pdf`,
    );
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(pdfBytes);
  });

  it('Range bytes=0-9 is a 206 with ten bytes and Content-Range', async () => {
    const r = await serve((await storedPdf()).url, { headers: { range: 'bytes=0-9' } });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes 0-9/${PDF_SIZE}`);
    expect(r.headers.get('content-length')).toBe('10');
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(pdfBytes.subarray(0, 10));
  });

  it('Range bytes=-5 is the last five bytes', async () => {
    const r = await serve((await storedPdf()).url, { headers: { range: 'bytes=-5' } });
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes ${PDF_SIZE - 5}-${PDF_SIZE - 1}/${PDF_SIZE}`);
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(pdfBytes.subarray(PDF_SIZE - 5));
  });

  it('a range past the end is a 416 with Content-Range bytes */size', async () => {
    const r = await serve((await storedPdf()).url, { headers: { range: 'bytes=100000000-' } });
    expect(r.status).toBe(416);
    expect(r.headers.get('content-range')).toBe(`bytes */${PDF_SIZE}`);
  });

  it('If-None-Match with the current ETag is a 304 without a body', async () => {
    const url = (await storedPdf()).url;
    const etag = (await serve(url)).headers.get('etag')!;
    const r = await serve(url, { headers: { 'if-none-match': etag } });
    expect(r.status).toBe(304);
    expect(r.headers.get('etag')).toBe(etag);
    expect(await r.text()).toBe('');
    expect((await serve(url, { headers: { 'if-none-match': '"something-else"' } })).status).toBe(200);
  });

  it('HEAD answers the headers of GET without the body', async () => {
    const r = await serve((await storedPdf()).url, { method: 'HEAD' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-length')).toBe(String(PDF_SIZE));
    expect(r.headers.get('etag')).toMatch(/^"/);
    expect(await r.text()).toBe('');
  });

  it('an unknown key is a 404 in the Strapi envelope; other methods are a 405', async () => {
    const r = await api('/uploads/nothing_here_abcdefghij0123456789.png');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      data: null,
      error: { status: 404, name: 'NotFoundError', message: 'File not found', details: {} },
    });
    expect((await api('/uploads/..%2F..%2Fwrangler.toml')).status).toBe(404);
    const post = await api('/uploads/x.png', { method: 'POST', body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});
