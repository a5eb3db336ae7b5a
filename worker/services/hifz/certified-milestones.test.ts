import { describe, expect, it } from 'vitest';
import { certifiesMilestone } from './certified-milestones';

describe('which hifz milestones earn a certificate', () => {
  it('a whole juz does, Juz ’Amma first among them', () => {
    expect(certifiesMilestone({ kind: 'juz', number: 30 })).toBe(true);
    expect(certifiesMilestone({ kind: 'juz', number: 1 })).toBe(true);
  });

  it('every fifth juz memorised does, up to the whole Quran', () => {
    for (const number of [5, 10, 15, 20, 25, 30]) expect(certifiesMilestone({ kind: 'juz_count', number })).toBe(true);
    expect(certifiesMilestone({ kind: 'juz_count', number: 4 })).toBe(false);
  });

  it('a single surah does not, short or long', () => {
    expect(certifiesMilestone({ kind: 'surah', number: 114 })).toBe(false);
    expect(certifiesMilestone({ kind: 'surah', number: 2 })).toBe(false);
  });
});
