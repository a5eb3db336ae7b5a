import { describe, expect, it } from 'vitest';
import * as fixture from '../../../tests/support/media-fixtures';
import { imageSize } from './image-size';

describe('reading image sizes from headers', () => {
  it('reads a PNG IHDR', () => {
    expect(imageSize('image/png', fixture.png1x1())).toEqual({ width: 1, height: 1 });
  });

  it('walks JPEG segments to the start-of-frame marker', () => {
    expect(imageSize('image/jpeg', fixture.jpeg(1920, 1080))).toEqual({ width: 1920, height: 1080 });
  });

  it('reads the GIF logical screen', () => {
    expect(imageSize('image/gif', fixture.gif(300, 200))).toEqual({ width: 300, height: 200 });
  });

  it('reads the three WebP variants: VP8X canvas, lossy VP8, lossless VP8L', () => {
    expect(imageSize('image/webp', fixture.webpVp8x(4000, 3000))).toEqual({ width: 4000, height: 3000 });
    expect(imageSize('image/webp', fixture.webpVp8(320, 240))).toEqual({ width: 320, height: 240 });
    expect(imageSize('image/webp', fixture.webpVp8l(1024, 768))).toEqual({ width: 1024, height: 768 });
  });

  it('answers null for a header cut short or without a size, instead of throwing', () => {
    expect(imageSize('image/png', fixture.png1x1().subarray(0, 18))).toBeNull();
    expect(imageSize('image/jpeg', fixture.jpeg(10, 10).subarray(0, 30))).toBeNull();
    expect(imageSize('image/jpeg', Uint8Array.of(0xff, 0xd8, 0xff, 0xda, 0, 2))).toBeNull();
    expect(imageSize('image/gif', fixture.gif(0, 5))).toBeNull();
    expect(imageSize('application/pdf', fixture.pdf())).toBeNull();
  });

  it('refuses a PNG claiming a side larger than PNG (and the database) allows', () => {
    const huge = fixture.png1x1();
    huge.set([0xff, 0xff, 0xff, 0xff], 16);
    expect(imageSize('image/png', huge)).toBeNull();
  });
});
