import { describe, expect, it } from 'vitest';
import { courseMediaFiles, expectedBytes } from './course-media';

describe('a course’s media for offline', () => {
  it('takes each lesson’s media, the site’s images in its text, and the cover, once each', () => {
    const files = courseMediaFiles(
      [
        { content: '<p>Listen</p>', media: { url: '/uploads/a.mp3', size: 2 } },
        { content: '<img src="/uploads/b.png" alt=""><img src="https://elsewhere.test/c.png">', media: null },
        { content: null, media: { url: '/uploads/a.mp3', size: 2 } },
      ],
      { url: '/uploads/cover.jpg', size: 1.5 },
    );
    expect(files).toEqual([
      { url: '/uploads/cover.jpg', bytes: 1536 },
      { url: '/uploads/a.mp3', bytes: 2048 },
      { url: '/uploads/b.png', bytes: null },
    ]);
  });

  it('takes a lesson’s caption files, not its other attachments', () => {
    const files = courseMediaFiles([
      {
        content: null,
        media: { url: '/uploads/wudu.webm', size: 100 },
        attachments: [
          { url: '/uploads/wudu_en.vtt', size: 1, name: 'wudu.en.vtt', mime: 'text/vtt' },
          { url: '/uploads/sheet.pdf', size: 50, name: 'sheet.pdf', mime: 'application/pdf' },
        ],
      },
    ]);
    expect(files.map((f) => f.url)).toEqual(['/uploads/wudu.webm', '/uploads/wudu_en.vtt']);
  });

  it('weighs stored files by what arrived and the others by what the API said', () => {
    const files = [
      { url: '/uploads/a.mp3', bytes: 2048 },
      { url: '/uploads/b.png', bytes: null },
      { url: '/uploads/c.mp4', bytes: 1000 },
    ];
    const stored = [
      { url: '/uploads/a.mp3', size: 2050, stored: true },
      { url: '/uploads/b.png', size: 300, stored: true },
      { url: '/uploads/c.mp4', size: 0, stored: false },
    ];
    expect(expectedBytes(files, stored)).toBe(2050 + 300 + 1000);
  });
});
