// Which languages exist, and which one a visitor gets. Pure functions: the runtime state is in i18n.svelte.ts.

export const DEFAULT_LOCALE = 'en';
export const LOCALE_STORAGE_KEY = 'lms.locale';

/** Every language the core book is written in is a locale; adding a language is adding its files. */
const files = import.meta.glob(['./books/core/*.ts', '!./**/*.test.ts']);
export const LOCALES: readonly string[] = Object.keys(files)
  .map((path) => path.slice('./books/core/'.length, -'.ts'.length))
  .sort((a, b) => (a === DEFAULT_LOCALE ? -1 : b === DEFAULT_LOCALE ? 1 : a.localeCompare(b)));

// Scripts written right to left, for the languages a mosque school is likely to add (Urdu, Farsi, Pashto...).
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'sd', 'ug', 'yi', 'dv']);

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL.has(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** The saved choice if it still exists, else the browser's first language we have, else English. */
export function pickLocale(saved: string | null, preferred: readonly string[], available = LOCALES): string {
  if (saved && available.includes(saved)) return saved;
  for (const tag of preferred) {
    const language = tag.split('-')[0]!.toLowerCase();
    if (available.includes(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** A language's own name for itself ("العربية"), for the language menu. */
export function nativeName(locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}
