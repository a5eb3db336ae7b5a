import { milestoneRange } from '../hifz/milestone-records';
import type { Milestone } from '../hifz/milestones';
import type { QuranIndex } from '../hifz/quran-index';
import { arabicDigits, type CertificateLanguage } from './pdf/wording';

/** The juz known by their first words; children say "Juz 'Amma" long before they say "juz 30". */
const JUZ_NAMES: Record<number, Record<CertificateLanguage, string>> = {
  28: { en: "Juz Qad Sami'a", ar: 'جزء قد سمع' },
  29: { en: 'Juz Tabarak', ar: 'جزء تبارك' },
  30: { en: "Juz 'Amma", ar: 'جزء عم' },
};

/** What a milestone certificate says was memorised: a title, and the ayahs from first to last when it is one juz. */
export interface MilestoneCertificateText {
  title: string;
  detail: string | null;
}

/**
 * The title alone ("Juz 30 (Juz 'Amma)", "10 juz of the Quran"), which needs no Quran data but a surah's
 * name (for the surah milestones, which are not certified today).
 */
export function milestoneTitle(m: Milestone, language: CertificateLanguage, surahName: (n: number) => string): string {
  const ar = language === 'ar';
  if (m.kind === 'surah') return ar ? `سورة ${surahName(m.number)}` : `Surah ${surahName(m.number)}`;
  if (m.kind === 'juz_count') {
    if (!ar) return m.number === 30 ? 'The whole Quran (30 juz)' : `${m.number} juz of the Quran`;
    if (m.number === 30) return 'القرآن الكريم كاملا';
    return `${arabicDigits(m.number)} ${m.number <= 10 ? 'أجزاء' : 'جزءا'} من القرآن الكريم`;
  }
  const name = JUZ_NAMES[m.number]?.[language];
  const juz = ar ? `الجزء ${arabicDigits(m.number)}` : `Juz ${m.number}`;
  return name ? `${juz} (${name})` : juz;
}

export function milestoneCertificateText(
  index: QuranIndex,
  m: Milestone,
  language: CertificateLanguage,
): MilestoneCertificateText {
  const ar = language === 'ar';
  const surahName = (n: number) => {
    const s = index.surah(n);
    return (ar ? s?.nameArabic : s?.nameTransliterated) ?? String(n);
  };
  const title = milestoneTitle(m, language, surahName);
  if (m.kind !== 'juz') return { title, detail: null };
  const { from, to } = milestoneRange(index, m);
  const end = (at: { surah: number; ayah: number }) => `${surahName(at.surah)} ${ar ? arabicDigits(at.ayah) : at.ayah}`;
  return { title, detail: `${end(index.locate(from))} – ${end(index.locate(to))}` };
}
