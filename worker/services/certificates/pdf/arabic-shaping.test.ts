import { describe, expect, it } from 'vitest';
import { LAM_ALEF_FORMS, LETTER_FORMS } from './arabic-forms';
import { shapeArabic } from './arabic-shaping';

const codePoints = (text: string) => Array.from(text, (char) => char.codePointAt(0));

describe('shaping Arabic into presentation forms (logical order)', () => {
  it('shapes زيد: zain stays isolated (it never joins forward), yeh is initial, dal final', () => {
    expect(codePoints(shapeArabic('زيد'))).toEqual([0xfeaf, 0xfef3, 0xfeaa]);
  });

  it('gives the medial form to a letter joined on both sides: محمد', () => {
    expect(codePoints(shapeArabic('محمد'))).toEqual([0xfee3, 0xfea4, 0xfee4, 0xfeaa]);
  });

  it('writes lam + alef as the obligatory ligature, in its final form after a joining letter: السلام', () => {
    expect(codePoints(shapeArabic('السلام'))).toEqual([0xfe8d, 0xfedf, 0xfeb4, 0xfefc, 0xfee1]);
  });

  it('uses the isolated ligature when nothing joins before the lam, also for hamza and madda alefs', () => {
    expect(codePoints(shapeArabic('لا'))).toEqual([0xfefb]);
    expect(codePoints(shapeArabic('لأن'))).toEqual([0xfef7, 0xfee5]);
    expect(codePoints(shapeArabic('لإ'))).toEqual([0xfef9]);
    expect(codePoints(shapeArabic('آلآء'))).toEqual([0xfe81, 0xfef5, 0x0621]);
  });

  it('lets harakat through without breaking the join: مُحَمَّد joins like محمد', () => {
    const vowelled = 'مُحَمَّد';
    const shaped = shapeArabic(vowelled);
    const harakat = (text: string) => text.replace(/\P{Mn}/gu, '');
    expect(codePoints(shaped.replace(/\p{Mn}/gu, ''))).toEqual([0xfee3, 0xfea4, 0xfee4, 0xfeaa]);
    expect(harakat(shaped)).toBe(harakat(vowelled));
  });

  it('keeps harakat written between lam and alef after the ligature', () => {
    expect(codePoints(shapeArabic('لَا'))).toEqual([0xfefb, 0x064e]);
  });

  it('joins across a tatweel and a zero-width joiner, and not across a zero-width non-joiner', () => {
    expect(codePoints(shapeArabic('بـ'))).toEqual([0xfe91, 0x0640]);
    expect(codePoints(shapeArabic('ب\u200d'))).toEqual([0xfe91, 0x200d]);
    expect(codePoints(shapeArabic('ب\u200cب'))).toEqual([0xfe8f, 0x200c, 0xfe8f]);
  });

  it('breaks the join at a space, so each word is shaped on its own', () => {
    expect(codePoints(shapeArabic('بب بب'))).toEqual([0xfe91, 0xfe90, 0x20, 0xfe91, 0xfe90]);
  });

  it('shapes Persian and Urdu letters too: پیر', () => {
    expect(codePoints(shapeArabic('پیر'))).toEqual([0xfb58, 0xfbff, 0xfeae]);
  });

  it('leaves Latin, digits, punctuation and letters it has no forms for as they are', () => {
    expect(shapeArabic('Tafsir 18: (x)')).toBe('Tafsir 18: (x)');
    expect(shapeArabic('ﷺ')).toBe('ﷺ');
  });

  it('has, for every letter, forms that are that letter (their Unicode compatibility decomposition)', () => {
    for (const [letter, forms] of LETTER_FORMS) {
      for (const form of forms)
        expect(String.fromCodePoint(form as number).normalize('NFKC')).toBe(String.fromCodePoint(letter));
    }
    for (const [alef, forms] of LAM_ALEF_FORMS) {
      for (const form of forms)
        expect(String.fromCodePoint(form).normalize('NFKC')).toBe(`ل${String.fromCodePoint(alef)}`);
    }
  });
});
