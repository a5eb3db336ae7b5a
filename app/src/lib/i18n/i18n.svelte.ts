import { browser } from '$app/environment';
import { loadBook, type Book, type Messages } from './books';
import en from './books/core/en';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY, LOCALES, pickLocale } from './locales';

type Loaded = Partial<Record<Book, object>>;

/** The books a page uses, in one locale, merged into the one object pages read (`i18n.m.area.key`). */
async function loadBooks(locale: string, books: Iterable<Book>): Promise<Loaded> {
  const entries = await Promise.all(
    [...books].map(
      async (book) => [book, book === 'core' && locale === DEFAULT_LOCALE ? en : await loadBook(book, locale)] as const,
    ),
  );
  return Object.fromEntries(entries);
}

class I18n {
  #locale = $state(DEFAULT_LOCALE);
  #books = $state.raw<Loaded>({ core: en });
  #using = new Set<Book>(['core']);
  #loading = new Map<Book, Promise<void>>();
  #applying: Promise<void> = Promise.resolve();
  #messages = $derived(Object.assign({}, ...Object.values(this.#books)) as Messages);

  /**
   * The current locale's messages: `i18n.m.auth.signInTitle`, `i18n.m.learn.lessons({ count })`. A book's
   * areas are here once a page has called `use` for it (its route's load does, before it renders).
   */
  get m(): Messages {
    return this.#messages;
  }

  get locale(): string {
    return this.#locale;
  }

  get dir(): 'ltr' | 'rtl' {
    return this.m.meta.dir;
  }

  readonly locales = LOCALES;

  /** Loads the remembered (or browser's) language before the first render. */
  async init(): Promise<void> {
    if (!browser) return;
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    } catch {
      // Storage may be blocked; the browser's language still applies.
    }
    await (this.#applying = this.#apply(pickLocale(saved, navigator.languages)));
  }

  /** Makes books' words available in the current language (and in any language chosen later). */
  async use(...books: Book[]): Promise<void> {
    // A route group's load runs beside the root layout's `init`: wait for the language being applied, so
    // a book is loaded in it (not in English while Arabic is still arriving) and not overwritten by it.
    await this.#applying;
    const missing = books.filter((book) => !this.#using.has(book));
    for (const book of missing) this.#using.add(book);
    if (missing.length) {
      const locale = this.#locale;
      const loading = loadBooks(locale, missing).then((loaded) => {
        // A language switched meanwhile has loaded every book in use itself.
        if (locale === this.#locale) this.#books = { ...this.#books, ...loaded };
      });
      for (const book of missing) this.#loading.set(book, loading);
    }
    // Also wait for books another caller started loading, so the page never renders without them.
    await Promise.all(books.map((book) => this.#loading.get(book)));
  }

  async set(locale: string): Promise<void> {
    await (this.#applying = this.#apply(locale));
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not remembered across visits, but the page still switches.
    }
  }

  async #apply(requested: string): Promise<void> {
    const locale = LOCALES.includes(requested) ? requested : DEFAULT_LOCALE;
    // Every book in use switches together, so no page shows two languages at once.
    this.#books = await loadBooks(locale, this.#using);
    this.#locale = locale;
    document.documentElement.lang = locale;
    document.documentElement.dir = this.dir;
  }
}

export const i18n = new I18n();
