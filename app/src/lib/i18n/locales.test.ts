import { describe, expect, it } from 'vitest';
import { directionOf, LOCALES, pickLocale } from './locales';
import { localeTools } from './plural';
import ar from './books/core/ar';
import en from './books/core/en';

describe('choosing the language', () => {
  it('finds every message file, English first', () => {
    expect(LOCALES).toEqual(['en', 'ar']);
  });

  it('keeps a saved choice, else follows the browser, else English', () => {
    expect(pickLocale('ar', ['en-GB'])).toBe('ar');
    expect(pickLocale(null, ['fr-FR', 'ar-EG', 'en'])).toBe('ar');
    expect(pickLocale('xx', ['de'])).toBe('en');
  });

  it('knows which languages are written right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ur-PK')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});

describe('the message files', () => {
  const keys = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
      : [prefix.slice(0, -1)];

  // Every book, in every language the core book is written in: the same keys as English, none empty.
  const files = import.meta.glob<{ default: object }>('./books/*/*.ts', { eager: true });
  const books = new Map<string, Map<string, object>>();
  for (const [path, module] of Object.entries(files)) {
    const [, book, locale] = /^\.\/books\/([^/]+)\/([^/]+)\.ts$/.exec(path)!;
    if (!books.has(book!)) books.set(book!, new Map());
    books.get(book!)!.set(locale!, module.default);
  }

  it('every book has every language, with every English message and no empty one', () => {
    expect([...books.keys()]).toContain('core');
    for (const [book, locales] of books) {
      expect([...locales.keys()].sort(), book).toEqual([...LOCALES].sort());
      const english = locales.get('en')!;
      for (const [locale, messages] of locales) {
        expect(keys(messages).sort(), `${book}/${locale}`).toEqual(keys(english).sort());
        for (const key of keys(messages)) {
          const value = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], messages);
          expect(typeof value === 'function' || (typeof value === 'string' && value.length > 0), key).toBe(true);
        }
      }
    }
    expect(ar.meta.dir).toBe('rtl');
  });

  it('no two books hold the same area, so merging them never hides a message', () => {
    const owners = new Map<string, string>();
    for (const [book, locales] of books) {
      for (const area of Object.keys(locales.get('en')!)) {
        expect(owners.get(area), `area ${area} in ${book} and ${owners.get(area)}`).toBeUndefined();
        owners.set(area, book);
      }
    }
  });

  it('uses the Arabic plural forms, and the digits Intl gives Arabic', () => {
    const n = (value: number) => new Intl.NumberFormat('ar').format(value);
    expect(ar.learn.lessons({ count: 1 })).toBe('درس واحد');
    expect(ar.learn.lessons({ count: 2 })).toBe('درسان');
    expect(ar.learn.lessons({ count: 3 })).toBe(`${n(3)} دروس`);
    expect(ar.learn.lessons({ count: 11 })).toBe(`${n(11)} درسًا`);
    expect(en.learn.lessons({ count: 1 })).toBe('One lesson');
    expect(en.learn.lessons({ count: 12 })).toBe('12 lessons');
    expect(localeTools('ar').percent(75)).toBe(new Intl.NumberFormat('ar', { style: 'percent' }).format(0.75));
  });
});
