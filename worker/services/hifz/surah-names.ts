import type { SurahInfo } from './quran-index';

/**
 * Surah names as people type them: "Al-Baqarah", "al baqara", "Baqarah", "surah Yaseen", "البقرة".
 * Latin names lose case, punctuation, the article (Al-, An-, Ash- ...), doubled vowels and a final h;
 * Arabic names lose harakat, tatweel, hamza seats and a leading "سورة".
 */
const ARTICLE = /^(al|an|ar|as|ash|at|az|ad|adh|ath)[-\s'’]+/;

function latinKeys(name: string): string[] {
  const lower = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/^suu?rah?\s+/, '');
  const key = (s: string) =>
    s
      .replace(/[^a-z]/g, '')
      .replace(/aa/g, 'a')
      .replace(/ee|ii/g, 'i')
      .replace(/oo|uu/g, 'u')
      .replace(/h$/, '');
  const keys = [key(lower)];
  if (ARTICLE.test(lower)) keys.push(key(lower.replace(ARTICLE, '')));
  return keys.filter((k) => k.length > 0);
}

function arabicKey(name: string): string {
  return name
    .replace(/[\p{M}\u0640]/gu, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^سورة\s*/, '');
}

const isArabic = (s: string) => /[\u0600-\u06FF]/.test(s);

/** The surahs whose name matches; more than one means the name was ambiguous. */
export function findSurahsByName(surahs: readonly SurahInfo[], name: string): SurahInfo[] {
  if (isArabic(name)) {
    const wanted = arabicKey(name);
    return surahs.filter((s) => arabicKey(s.nameArabic) === wanted);
  }
  const wanted = new Set(latinKeys(name));
  const matches = surahs.filter((s) => latinKeys(s.nameTransliterated).some((k) => wanted.has(k)));
  // "An-Nas" also yields "nas"; an exact match on the full name wins over an article-less one.
  const exact = matches.filter((s) => latinKeys(s.nameTransliterated)[0] === latinKeys(name)[0]);
  return exact.length === 1 ? exact : matches;
}
