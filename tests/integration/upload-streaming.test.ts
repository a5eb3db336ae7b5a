import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IMAGE_LIMIT_BYTES } from '../../worker/services/media/media-types';
import { api, baseUrl, tokenFor } from '../support/api';
import * as fixture from '../support/media-fixtures';

const BOUNDARY = 'streaming-test-boundary';
const MB = 1024 * 1024;

/** A chunked multipart upload that the test feeds by hand (and may leave hanging, as a stalled phone). */
async function openUpload(fileName: string) {
  const token = await tokenFor('teacher.amina');
  const request: ClientRequest = httpRequest(`${baseUrl()}/api/upload`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      'transfer-encoding': 'chunked',
    },
  });
  // The worker may close the connection right after refusing (the client is still sending): the answer
  // is taken as it came, when the response ends or the connection closes.
  const answer = new Promise<{ status: number; body: any }>((resolve, reject) => {
    request.on('response', (response: IncomingMessage) => {
      let text = '';
      const done = () => resolve({ status: response.statusCode!, body: text ? JSON.parse(text) : null });
      response.on('data', (d) => (text += d));
      response.on('end', done);
      response.on('close', done);
      request.on('close', done);
    });
    request.on('error', reject);
  });
  request.write(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const send = (bytes: Uint8Array) => new Promise<void>((resolve) => request.write(bytes, () => resolve()));
  const finish = () => request.end(`\r\n--${BOUNDARY}--\r\n`);
  return { answer, send, finish, abandon: () => request.destroy() };
}

/** A request that must be answered while the upload is still open; 15 s is "never" on this machine. */
const courses = () =>
  new Promise<number>((resolve, reject) => {
    const get = httpRequest(`${baseUrl()}/api/courses?pagination[pageSize]=1`, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    });
    get.on('error', reject);
    get.end();
  });
const withinSeconds = <T>(seconds: number, work: Promise<T>, what = 'a request') =>
  Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what}`)), seconds * 1000)),
  ]);

describe('uploads stream', () => {
  it('an image past its limit, sent chunked, is refused with 413; the requests after it are served', async () => {
    const upload = await openUpload('poster.png');
    await upload.send(fixture.png1x1());
    for (let sent = 0; sent <= IMAGE_LIMIT_BYTES + MB; sent += MB) await upload.send(new Uint8Array(MB));
    upload.finish();
    const refused = await withinSeconds(15, upload.answer, 'the upload');
    expect(refused.status).toBe(413);
    expect(refused.body.error.message).toBe('"poster.png" is larger than the 10 MB limit for images');
    for (let i = 0; i < 3; i++) expect(await withinSeconds(15, courses())).toBe(200);
    const small = await openUpload('after.png');
    await small.send(fixture.png1x1());
    small.finish();
    expect((await withinSeconds(15, small.answer, 'the next upload')).status).toBe(201);
  });

  it('while an upload is still arriving, other requests (and the database) are served', async () => {
    const upload = await openUpload('slow.pdf');
    await upload.send(fixture.pdf(MB));
    expect(await withinSeconds(15, courses())).toBe(200);
    expect(
      await withinSeconds(
        15,
        api('/api/users/me', { token: await tokenFor('admin') }).then((r) => r.status),
      ),
    ).toBe(200);
    upload.finish();
    const stored = await upload.answer;
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body[0].mime).toBe('application/pdf');
  });

  it('a file larger than one R2 part goes up in parts and comes back byte for byte', async () => {
    const bytes = fixture.pdf(12 * MB + 12345);
    for (let i = 1024; i < bytes.length; i += 4099) bytes[i] = i % 251;
    const upload = await openUpload('book.pdf');
    for (let offset = 0; offset < bytes.length; offset += MB) await upload.send(bytes.subarray(offset, offset + MB));
    upload.finish();
    const stored = await upload.answer;
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body[0].size).toBe(Math.round(bytes.length / 10) / 100);
    const served = new Uint8Array(await (await fetch(baseUrl() + stored.body[0].url)).arrayBuffer());
    expect(served.length).toBe(bytes.length);
    const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(digest(served)).toBe(digest(bytes));
  });
});
