import { describe, expect, it } from 'vitest';
import ar from '$lib/i18n/books/core/ar';
import en from '$lib/i18n/books/core/en';
import { certificateTitle } from './certificate-title';

describe('certificateTitle', () => {
  it('names a course certificate by its course', () => {
    expect(certificateTitle({ course: { title: 'Seerah' }, hifzMilestone: null }, en.certificateTitles)).toBe('Seerah');
  });

  it('names a milestone certificate by what was memorised, in the reader’s language', () => {
    const juzAmma = { course: null, hifzMilestone: { kind: 'juz' as const, number: 30 } };
    expect(certificateTitle(juzAmma, en.certificateTitles)).toBe("Juz 30 (Juz 'Amma)");
    // Digits as the runtime's Intl writes Arabic numbers (٣٠ or 30, by its CLDR data).
    expect(certificateTitle(juzAmma, ar.certificateTitles)).toMatch(/^الجزء (٣٠|30) \(جزء عمّ\)$/);
    const ten = { hifzMilestone: { kind: 'juz_count' as const, number: 10 } };
    expect(certificateTitle(ten, en.certificateTitles)).toBe('10 juz of the Quran');
  });
});
