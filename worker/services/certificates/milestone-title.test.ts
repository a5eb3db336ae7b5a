import { describe, expect, it } from 'vitest';
import { testQuranIndex } from '../../../tests/support/quran-index';
import { milestoneCertificateText } from './milestone-title';

const index = testQuranIndex();

describe('what a milestone certificate says was memorised', () => {
  it('Juz 30 by its name, from An-Naba 1 to An-Nas 6', () => {
    expect(milestoneCertificateText(index, { kind: 'juz', number: 30 }, 'en')).toEqual({
      title: "Juz 30 (Juz 'Amma)",
      detail: 'An-Naba 1 – An-Nas 6',
    });
  });

  it('the same in Arabic, with Arabic names and digits', () => {
    expect(milestoneCertificateText(index, { kind: 'juz', number: 30 }, 'ar')).toEqual({
      title: 'الجزء ٣٠ (جزء عم)',
      detail: 'النبإ ١ – الناس ٦',
    });
  });

  it('a juz without a common name by its number and range', () => {
    expect(milestoneCertificateText(index, { kind: 'juz', number: 1 }, 'en')).toEqual({
      title: 'Juz 1',
      detail: 'Al-Fatihah 1 – Al-Baqarah 141',
    });
  });

  it('a count of juz without a range, the thirtieth as the whole Quran', () => {
    expect(milestoneCertificateText(index, { kind: 'juz_count', number: 5 }, 'en')).toEqual({
      title: '5 juz of the Quran',
      detail: null,
    });
    expect(milestoneCertificateText(index, { kind: 'juz_count', number: 15 }, 'ar').title).toBe(
      '١٥ جزءا من القرآن الكريم',
    );
    expect(milestoneCertificateText(index, { kind: 'juz_count', number: 30 }, 'en').title).toBe(
      'The whole Quran (30 juz)',
    );
  });
});
