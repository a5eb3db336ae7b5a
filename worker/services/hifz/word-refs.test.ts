import { describe, expect, it } from 'vitest';
import { testQuranIndex } from '../../../tests/support/quran-index';
import { formatWordRef, isWithin, parseWordRef, wordRefOf } from './word-refs';

const index = testQuranIndex();

describe('word addresses', () => {
  it('address a word as surah:ayah:word, or the whole ayah as surah:ayah', () => {
    const ref = parseWordRef(index, '2:255:3');
    expect(ref).toEqual({ ayahId: index.ayahId(2, 255), word: 3 });
    expect(formatWordRef(index, ref)).toBe('2:255:3');
    expect(parseWordRef(index, '1:7')).toEqual({ ayahId: 7, word: null });
    expect(index.wordCount(index.ayahId(2, 255)!)).toBe(50);
    expect(parseWordRef(index, '2:255:50').word).toBe(50);
  });

  it('refuse a word past the end of its ayah, or of an ayah that does not exist', () => {
    expect(() => parseWordRef(index, '2:255:51')).toThrow('2:255:51 does not exist: 2:255 has 50 words');
    expect(() => wordRefOf(index, { surah: 1, ayah: 8, word: 1 })).toThrow('1:8 does not exist');
    expect(() => parseWordRef(index, 'two:255')).toThrow(/not a word reference/);
  });

  it('tell whether a word lies in the range heard', () => {
    const ref = parseWordRef(index, '78:40:1');
    expect(isWithin(ref, { from: index.ayahId(78, 1)!, to: index.ayahId(78, 40)! })).toBe(true);
    expect(isWithin(ref, { from: index.ayahId(79, 1)!, to: index.ayahId(80, 42)! })).toBe(false);
  });
});
