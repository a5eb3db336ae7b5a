import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, baseUrl, tokenFor } from '../support/api';
import * as fixture from '../support/media-fixtures';

const MB = 1024 * 1024;
const PART = 5 * MB;

/** A recording of `size` bytes: an MP3 header, then varied bytes (so misplaced parts would show). */
function recording(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 997) bytes[i] = (i / 997) % 251;
  bytes.set(fixture.mp3WithId3());
  return bytes;
}

const digest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function start(token: string, data: Record<string, unknown>) {
  return api('/api/upload/sessions', { token, body: { data } });
}

async function putPart(token: string, session: string, partNumber: number, bytes: Uint8Array<ArrayBuffer>) {
  const response = await fetch(`${baseUrl()}/api/upload/sessions/${session}/parts/${partNumber}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as any };
}

const part = (bytes: Uint8Array<ArrayBuffer>, n: number) => bytes.slice((n - 1) * PART, n * PART);

describe('resumable uploads', () => {
  it('parts arrive in any order after the first, a resent part replaces itself, and the file comes back whole', async () => {
    const token = await tokenFor('teacher.yusuf');
    const bytes = recording(12 * MB + 321);
    const started = await start(token, { name: 'Surah Al-Mulk.mp3', size: bytes.length, caption: 'Hifz, week 3' });
    expect(started.status).toBe(201);
    expect(started.body.data).toMatchObject({
      name: 'Surah Al-Mulk.mp3',
      size: bytes.length,
      partSize: PART,
      partCount: 3,
      mime: null,
      receivedParts: [],
    });
    const id = started.body.data.documentId;
    expect((await putPart(token, id, 1, part(bytes, 1))).body.data).toEqual({ partNumber: 1, size: PART });
    expect((await putPart(token, id, 3, part(bytes, 3))).status).toBe(200);
    expect((await putPart(token, id, 2, new Uint8Array(PART))).status).toBe(200);
    expect((await putPart(token, id, 2, part(bytes, 2))).status).toBe(200);

    const status = await api(`/api/upload/sessions/${id}`, { token });
    expect(status.body.data).toMatchObject({
      mime: 'audio/mpeg',
      receivedParts: [1, 2, 3],
      receivedBytes: bytes.length,
    });

    const done = await api(`/api/upload/sessions/${id}/complete`, { token, body: { data: {} } });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toMatchObject({
      name: 'Surah Al-Mulk.mp3',
      caption: 'Hifz, week 3',
      mime: 'audio/mpeg',
      ext: '.mp3',
      size: Math.round(bytes.length / 10) / 100,
      provider: 'r2',
    });
    const served = new Uint8Array(await (await fetch(baseUrl() + done.body.url)).arrayBuffer());
    expect(digest(served)).toBe(digest(bytes));
    expect((await api(`/api/upload/files/${done.body.documentId}`, { token })).status).toBe(200);
    expect((await api(`/api/upload/sessions/${id}`, { token })).status).toBe(404);
  });

  it('a phone that lost its connection asks which parts arrived and sends the rest', async () => {
    const token = await tokenFor('teacher.amina');
    const bytes = recording(6 * MB);
    const id = (await start(token, { name: 'recitation.mp3', size: bytes.length })).body.data.documentId;
    await putPart(token, id, 1, part(bytes, 1));
    const status = (await api(`/api/upload/sessions/${id}`, { token })).body.data;
    expect(status.receivedParts).toEqual([1]);
    const missing = Array.from({ length: status.partCount }, (_, i) => i + 1).filter(
      (n) => !status.receivedParts.includes(n),
    );
    for (const n of missing) expect((await putPart(token, id, n, part(bytes, n))).status).toBe(200);
    const done = await api(`/api/upload/sessions/${id}/complete`, { token, body: { data: { name: 'Al-Fatiha.mp3' } } });
    expect(done.status).toBe(201);
    expect(done.body.name).toBe('Al-Fatiha.mp3');
  });

  it('refuses parts out of turn, of the wrong length or number, and completing with parts missing', async () => {
    const token = await tokenFor('teacher.amina');
    const bytes = recording(11 * MB);
    const id = (await start(token, { name: 'talk.mp3', size: bytes.length })).body.data.documentId;
    const early = await putPart(token, id, 2, part(bytes, 2));
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/part 1 first/);
    expect((await putPart(token, id, 1, bytes.slice(0, PART - 1))).status).toBe(400);
    expect((await putPart(token, id, 0, part(bytes, 1))).status).toBe(400);
    expect((await putPart(token, id, 4, part(bytes, 1))).status).toBe(400);
    await putPart(token, id, 1, part(bytes, 1));
    const incomplete = await api(`/api/upload/sessions/${id}/complete`, { token, body: { data: {} } });
    expect(incomplete.status).toBe(409);
    expect(incomplete.body.error.details.missingParts).toEqual([2, 3]);
  });

  it('size limits: over every limit at the start, over its type’s limit when part 1 shows the type', async () => {
    const token = await tokenFor('teacher.amina');
    const huge = await start(token, { name: 'film.mp4', size: 101 * MB });
    expect(huge.status).toBe(413);
    const poster = new Uint8Array(12 * MB);
    poster.set(fixture.png1x1());
    const id = (await start(token, { name: 'poster.png', size: poster.length })).body.data.documentId;
    const refused = await putPart(token, id, 1, part(poster, 1));
    expect(refused.status).toBe(413);
    expect(refused.body.error.message).toBe('"poster.png" is larger than the 10 MB limit for images');
    expect((await api(`/api/upload/sessions/${id}`, { token })).status).toBe(404);

    const page = new Uint8Array(1000);
    page.set(fixture.html());
    const htmlId = (await start(token, { name: 'page.png', size: page.length })).body.data.documentId;
    expect((await putPart(token, htmlId, 1, page)).status).toBe(400);
    expect((await start(token, { name: 'x.mp3', size: 0 })).status).toBe(400);
  });

  it('aborting ends the session; only its owner sees it; students may not upload; anonymous callers get 401', async () => {
    const owner = await tokenFor('teacher.amina');
    const other = await tokenFor('teacher.yusuf');
    const bytes = recording(1000);
    const id = (await start(owner, { name: 'mine.mp3', size: bytes.length })).body.data.documentId;
    expect((await api(`/api/upload/sessions/${id}`, { token: other })).status).toBe(404);
    expect((await putPart(other, id, 1, bytes)).status).toBe(404);
    expect((await api(`/api/upload/sessions/${id}/complete`, { token: other, body: { data: {} } })).status).toBe(404);
    expect((await api(`/api/upload/sessions/${id}`, { method: 'DELETE', token: other })).status).toBe(404);
    expect((await start(await tokenFor('zaid'), { name: 'x.mp3', size: 10 })).status).toBe(403);
    expect((await api('/api/upload/sessions', { body: { data: { name: 'x.mp3', size: 10 } } })).status).toBe(401);
    expect((await api(`/api/upload/sessions/${id}`, { method: 'DELETE', token: owner })).status).toBe(204);
    expect((await api(`/api/upload/sessions/${id}`, { token: owner })).status).toBe(404);
  });
});
