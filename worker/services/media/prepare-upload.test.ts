import { describe, expect, it } from 'vitest';
import * as fixture from '../../../tests/support/media-fixtures';
import { ApiError } from '../../lib/errors';
import { bytesToKilobytes, fileRecord, fileTooLarge, fitName, imageDimensions, planObject } from './prepare-upload';

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('planning an upload from its first bytes', () => {
  it('describes an image as Strapi records it: sniffed type, size in KB, dimensions, key and URL', () => {
    const plan = planObject(fixture.png1x1(), 'Cover photo.png', 0);
    const record = fileRecord(plan, { alternativeText: 'A mosque' }, 68, imageDimensions(plan, fixture.png1x1(), 0));
    expect(record).toMatchObject({
      name: 'Cover photo.png',
      alternativeText: 'A mosque',
      caption: null,
      width: 1,
      height: 1,
      mime: 'image/png',
      ext: '.png',
      size: 0.07,
      formats: null,
      previewUrl: null,
      provider: 'r2',
    });
    expect(plan.key).toBe(`uploads/${record.hash}.png`);
    expect(record.hash).toMatch(/^cover_photo_[a-z0-9]{20}$/);
    expect(record.url).toBe(`/${plan.key}`);
    expect(record.providerMetadata).toEqual({ key: plan.key });
    expect(plan.httpMetadata).toEqual({ contentType: 'image/png' });
  });

  it('takes the recorded name from fileInfo and names PDFs for inline display', () => {
    const plan = planObject(fixture.pdf(), 'Wudu steps.pdf', 0);
    expect(fileRecord(plan, { name: 'Steps of wudu.pdf' }, 100, null).name).toBe('Steps of wudu.pdf');
    expect(plan.httpMetadata.contentDisposition).toBe(
      `inline; filename="Wudu steps.pdf"; filename*=UTF-8''Wudu%20steps.pdf`,
    );
  });

  it('ignores the name the client gives: the bytes decide', () => {
    const error = refusal(() => planObject(fixture.html(), 'cat.png', 2));
    expect(error.status).toBe(400);
    expect(error.message).toContain('"cat.png"');
    expect(error.details).toMatchObject({ errors: [{ path: ['files', 2] }] });
    const mp3 = planObject(fixture.mp3WithId3(), 'talk.bin', 0);
    expect([mp3.type.mime, mp3.ext]).toEqual(['audio/mpeg', '.mp3']);
  });

  it('refuses an image whose header has no readable size', () => {
    const plan = planObject(fixture.png1x1(), 'broken.png', 0);
    expect(refusal(() => imageDimensions(plan, fixture.png1x1().subarray(0, 12), 0)).status).toBe(400);
  });

  it('each type has its own limit, named in the 413', () => {
    const image = planObject(fixture.png1x1(), 'huge.png', 0);
    const error = fileTooLarge(image);
    expect([error.status, error.name, error.message]).toEqual([
      413,
      'PayloadTooLargeError',
      '"huge.png" is larger than the 10 MB limit for images',
    ]);
    expect(planObject(fixture.pdf(), 'book.pdf', 0).limit).toBeGreaterThan(image.limit);
  });

  it('reports sizes in kilobytes of 1000 bytes with two decimals, as Strapi', () => {
    expect(bytesToKilobytes(68)).toBe(0.07);
    expect(bytesToKilobytes(1_234_567)).toBe(1234.57);
  });
});

describe('fitting names to the column', () => {
  it('shortens a name over 255 characters and keeps its extension', () => {
    const name = fitName(`${'ب'.repeat(300)}.png`, '.png');
    expect(Array.from(name)).toHaveLength(255);
    expect(name.endsWith('ب.png')).toBe(true);
  });
});
