import { describe, expect, it } from 'vitest';
import { MEDIA_TYPES } from './media-types';
import {
  extensionFor,
  inlineDisposition,
  keyFromPath,
  newObjectHash,
  objectKey,
  objectUrl,
  slugify,
} from './object-names';

describe('object names', () => {
  it('makes Strapi-style hashes: a slug of the name, then a random part that differs every time', () => {
    const a = newObjectHash('Lesson 1 — Al-Fātiḥa.mp3');
    const b = newObjectHash('Lesson 1 — Al-Fātiḥa.mp3');
    expect(a).toMatch(/^lesson_1_al_fatiha_[a-z0-9]{20}$/);
    expect(a).not.toBe(b);
  });

  it('slugs names without Latin letters to "file" and keeps long names short', () => {
    expect(slugify('سورة الفاتحة')).toBe('file');
    expect(slugify('x'.repeat(300)).length).toBe(60);
  });

  it('keeps an extension that suits the sniffed type, and replaces one that does not', () => {
    expect(extensionFor('photo.JPEG', MEDIA_TYPES.jpeg)).toBe('.jpeg');
    expect(extensionFor('photo.png', MEDIA_TYPES.jpeg)).toBe('.jpg');
    expect(extensionFor('recording', MEDIA_TYPES.mp3)).toBe('.mp3');
  });

  it('maps keys to URLs and back, and refuses paths that cannot be our keys', () => {
    const key = objectKey('cover_abc', '.png');
    expect(key).toBe('uploads/cover_abc.png');
    expect(objectUrl(key)).toBe('/uploads/cover_abc.png');
    expect(keyFromPath('/uploads/cover_abc.png')).toBe(key);
    for (const path of ['/uploads/../secret.png', '/uploads/a/b.png', '/uploads/noext', '/uploads/', '/other/a.png']) {
      expect(keyFromPath(path)).toBeNull();
    }
  });

  it('writes a Content-Disposition that survives quotes and non-ASCII names', () => {
    expect(inlineDisposition('Fiqh "notes".pdf')).toBe(
      `inline; filename="Fiqh _notes_.pdf"; filename*=UTF-8''Fiqh%20%22notes%22.pdf`,
    );
    expect(inlineDisposition('دروس.pdf')).toMatch(/^inline; filename="____\.pdf"; filename\*=UTF-8''%D8%AF/);
  });
});
