import { describe, expect, it } from 'vitest';
import { textDirection } from './direction';

describe('a text’s direction', () => {
  it('follows its first strong letter, like dir="auto"', () => {
    expect(textDirection('Which of these are pillars of Islam?')).toBe('ltr');
    expect(textDirection('…؟ ما أركان الإسلام')).toBe('rtl');
    expect(textDirection('Complete: بِسْمِ ٱللَّهِ')).toBe('ltr');
    expect(textDirection('« بِسْمِ » then English')).toBe('rtl');
    expect(textDirection('7 ?')).toBe('auto');
  });
});
