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
  #queue: Promise<void> = Promise.resolve();
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
    await this.#serial(() => this.#apply(pickLocale(saved, navigator.languages)));
  }

  /** Makes books' words available in the current language (and in any language chosen later). */
  use(...books: Book[]): Promise<void> {
    return this.#serial(async () => {
      const missing = books.filter((book) => !this.#using.has(book));
      if (missing.length === 0) return;
      const loaded = await loadBooks(this.#locale, missing);
      for (const book of missing) this.#using.add(book);
      this.#books = { ...this.#books, ...loaded };
    });
  }

  /**
   * Loading books and switching languages run one after another: a page's `use` racing the language
   * chosen at start-up (their loads run in parallel) would otherwise merge English words into an
   * Arabic page, or be dropped by the switch.
   */
  #serial(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async set(locale: string): Promise<void> {
    await this.#serial(() => this.#apply(locale));
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
