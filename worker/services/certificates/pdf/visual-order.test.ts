import { describe, expect, it } from 'vitest';
import { paragraphDirection, toVisualOrder } from './visual-order';

describe('the paragraph direction', () => {
  it('is that of the first strong letter', () => {
    expect(paragraphDirection('زيد Hassan')).toBe('rtl');
    expect(paragraphDirection('Tafsir سورة الكهف')).toBe('ltr');
    expect(paragraphDirection('18 سورة')).toBe('rtl');
  });

  it('is left to right when there is no letter at all', () => {
    expect(paragraphDirection('2026-11-25')).toBe('ltr');
    expect(paragraphDirection('')).toBe('ltr');
  });
});

describe('ordering a line for display, left to right', () => {
  it('reverses a right-to-left run', () => {
    expect(toVisualOrder('ابت', 'rtl')).toBe('تبا');
  });

  it('puts the first Arabic word rightmost in a right-to-left paragraph', () => {
    expect(toVisualOrder('زيد حسن', 'rtl')).toBe('نسح ديز');
  });

  it('keeps Latin words reading left to right inside a right-to-left paragraph', () => {
    expect(toVisualOrder('درس Tafsir Ibn Kathir', 'rtl')).toBe('Tafsir Ibn Kathir سرد');
  });

  it('keeps numbers in reading order inside Arabic', () => {
    expect(toVisualOrder('سورة 18', 'rtl')).toBe('18 ةروس');
    expect(toVisualOrder('آية 255 من البقرة', 'rtl')).toBe('ةرقبلا نم 255 ةيآ');
  });

  it('mirrors brackets inside a right-to-left run', () => {
    expect(toVisualOrder('سورة (الكهف)', 'rtl')).toBe('(فهكلا) ةروس');
  });

  it('leaves a left-to-right paragraph with an Arabic tail as Latin first, then the reversed tail', () => {
    expect(toVisualOrder('Tafsir سورة', 'ltr')).toBe('Tafsir ةروس');
  });

  it('keeps characters outside the BMP whole when their run is reversed', () => {
    expect(toVisualOrder('زيد 🌙 حسن', 'rtl')).toBe('نسح 🌙 ديز');
  });
});
