import { describe, expect, it } from 'vitest';
import * as fixture from '../../../tests/support/media-fixtures';
import { ApiError } from '../../lib/errors';
import { IMAGE_LIMIT_BYTES } from './media-types';
import { bytesToKilobytes, prepareUpload } from './prepare-upload';

const file = (bytes: Uint8Array<ArrayBuffer>, name: string, type = 'application/octet-stream') =>
  new File([bytes], name, { type });

/** A file of `size` bytes that starts like `header`. */
function padded(header: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  out.set(header);
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('preparing an upload', () => {
  it('describes an image as Strapi records it: sniffed type, size in KB, dimensions, key and URL', async () => {
    const prepared = await prepareUpload(file(fixture.png1x1(), 'Cover photo.png'), { alternativeText: 'A mosque' }, 0);
    expect(prepared.record).toMatchObject({
      name: 'Cover photo.png',
      alternativeText: 'A mosque',
      caption: null,
      width: 1,
      height: 1,
      mime: 'image/png',
      ext: '.png',
      formats: null,
      previewUrl: null,
      provider: 'r2',
    });
    expect(prepared.key).toBe(`uploads/${prepared.record.hash}.png`);
    expect(prepared.record.url).toBe(`/${prepared.key}`);
    expect(prepared.record.providerMetadata).toEqual({ key: prepared.key });
    expect(prepared.httpMetadata).toEqual({ contentType: 'image/png' });
  });

  it('takes the name from fileInfo and names PDFs for inline display', async () => {
    const prepared = await prepareUpload(file(fixture.pdf(), 'scan.pdf'), { name: 'Wudu steps.pdf' }, 0);
    expect(prepared.record.name).toBe('Wudu steps.pdf');
    expect(prepared.httpMetadata.contentDisposition).toBe(
      `inline; filename="Wudu steps.pdf"; filename*=UTF-8''Wudu%20steps.pdf`,
    );
  });

  it('ignores the type the client claims', async () => {
    const error = await refusal(prepareUpload(file(fixture.html(), 'cat.png', 'image/png'), {}, 2));
    expect(error.status).toBe(400);
    expect(error.message).toContain('"cat.png"');
    expect(error.details).toMatchObject({ errors: [{ path: ['files', 2] }] });
    const mp3 = await prepareUpload(file(fixture.mp3WithId3(), 'talk.bin', 'text/html'), {}, 0);
    expect(mp3.record).toMatchObject({ mime: 'audio/mpeg', ext: '.mp3', width: null, height: null });
  });

  it('refuses an image whose header has no readable size', async () => {
    const error = await refusal(prepareUpload(file(fixture.png1x1().subarray(0, 12), 'broken.png'), {}, 0));
    expect(error.status).toBe(400);
  });

  it('applies each type’s own limit: an image just over 10 MB is 413, a PDF of that size is fine', async () => {
    const error = await refusal(
      prepareUpload(file(padded(fixture.png1x1(), IMAGE_LIMIT_BYTES + 1), 'huge.png'), {}, 0),
    );
    expect(error.status).toBe(413);
    expect(error.name).toBe('PayloadTooLargeError');
    expect(error.message).toBe('"huge.png" is larger than the 10 MB limit for images');
    const pdf = await prepareUpload(file(padded(fixture.pdf(), IMAGE_LIMIT_BYTES + 1), 'book.pdf'), {}, 0);
    expect(pdf.record.size).toBe(bytesToKilobytes(IMAGE_LIMIT_BYTES + 1));
  });

  it('reports sizes in kilobytes of 1000 bytes with two decimals, as Strapi', () => {
    expect(bytesToKilobytes(68)).toBe(0.07);
    expect(bytesToKilobytes(1_234_567)).toBe(1234.57);
  });
});

describe('fitting names to the column', () => {
  it('shortens a name over 255 characters and keeps its extension', async () => {
    const prepared = await prepareUpload(file(fixture.png1x1(), `${'ب'.repeat(300)}.png`), {}, 0);
    expect(Array.from(prepared.record.name)).toHaveLength(255);
    expect(prepared.record.name.endsWith('ب.png')).toBe(true);
  });
});
