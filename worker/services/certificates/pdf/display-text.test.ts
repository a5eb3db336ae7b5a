import { describe, expect, it } from 'vitest';
import { normalizeText, toDisplayText } from './display-text';

const codePoints = (text: string) => Array.from(text, (char) => char.codePointAt(0));
const forms = (...points: number[]) => String.fromCodePoint(...points);

describe('display text: shaped, then in visual order', () => {
  it('turns زيد into dal-final, yeh-initial, zain-isolated, left to right', () => {
    expect(codePoints(toDisplayText('زيد'))).toEqual([0xfeaa, 0xfef3, 0xfeaf]);
  });

  it('draws السلام with its lam-alef ligature', () => {
    expect(codePoints(toDisplayText('السلام'))).toEqual([0xfee1, 0xfefc, 0xfeb4, 0xfedf, 0xfe8d]);
  });

  it('puts the first word of زيد حسن on the right', () => {
    expect(toDisplayText('زيد حسن')).toBe(`${forms(0xfee6, 0xfeb4, 0xfea3)} ${forms(0xfeaa, 0xfef3, 0xfeaf)}`);
  });

  it('keeps Latin readable left to right beside Arabic: Tafsir سورة الكهف', () => {
    const surah = forms(0xfe93, 0xfead, 0xfeee, 0xfeb3); // سورة, reversed
    const kahf = forms(0xfed2, 0xfeec, 0xfedc, 0xfedf, 0xfe8d); // الكهف, reversed
    expect(toDisplayText('Tafsir سورة الكهف')).toBe(`Tafsir ${kahf} ${surah}`);
  });

  it('keeps Latin left to right in an Arabic paragraph too', () => {
    expect(toDisplayText('تفسير Ibn Kathir')).toBe(`Ibn Kathir ${forms(0xfeae, 0xfef4, 0xfeb4, 0xfed4, 0xfe97)}`);
  });

  it('leaves "The Life of the Prophet ﷺ" as written, the honorific last', () => {
    expect(toDisplayText('The Life of the Prophet ﷺ')).toBe('The Life of the Prophet ﷺ');
  });

  it('keeps digits in order: سورة 18 draws 18 on the left', () => {
    expect(toDisplayText('سورة 18')).toBe(`18 ${forms(0xfe93, 0xfead, 0xfeee, 0xfeb3)}`);
  });

  it('follows the paragraph direction it is given, so wrapped lines agree', () => {
    expect(toDisplayText('Tafsir', 'rtl')).toBe('Tafsir');
    // In a right-to-left paragraph the line's first item, 18, is its rightmost.
    expect(toDisplayText('18 Juz', 'rtl')).toBe('Juz 18');
    expect(toDisplayText('18 Juz', 'ltr')).toBe('18 Juz');
    const surah = forms(0xfe93, 0xfead, 0xfeee, 0xfeb3);
    expect(toDisplayText('سورة Kahf', 'rtl')).toBe(`Kahf ${surah}`);
    expect(toDisplayText('سورة Kahf', 'ltr')).toBe(`${surah} Kahf`);
  });

  it('drops the invisible controls once they have done their work', () => {
    expect(toDisplayText('\u200fزيد\u200d')).toBe(toDisplayText('زيد\u200d').replace('\u200d', ''));
    expect(toDisplayText('\u202bAli\u202c')).toBe('Ali');
  });
});

describe('normalising a paragraph', () => {
  it('composes alef + combining hamza into أ, so it shapes as one letter', () => {
    expect(normalizeText('\u0627\u0654حمد')).toBe('أحمد');
  });

  it('collapses runs of white space, including new lines, and trims', () => {
    expect(normalizeText('  Zaid\n\tHassan  ')).toBe('Zaid Hassan');
  });
});
