import { browser } from '$app/environment';
import en, { type Messages } from './messages/en';
import { DEFAULT_LOCALE, LOCALE_STORAGE_KEY, LOCALES, pickLocale } from './locales';

// English ships in the first bundle; every other language is its own chunk, loaded when chosen.
const loaders = import.meta.glob<{ default: Messages }>(['./messages/*.ts', '!./messages/en.ts']);

async function load(locale: string): Promise<Messages> {
  const loader = loaders[`./messages/${locale}.ts`];
  return locale === DEFAULT_LOCALE || !loader ? en : (await loader()).default;
}

class I18n {
  #locale = $state(DEFAULT_LOCALE);
  #messages = $state.raw<Messages>(en);

  /** The current locale's messages: `i18n.m.auth.signInTitle`, `i18n.m.learn.lessons({ count })`. */
  get m(): Messages {
    return this.#messages;
  }

  get locale(): string {
    return this.#locale;
  }

  get dir(): 'ltr' | 'rtl' {
    return this.#messages.meta.dir;
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
    await this.#apply(pickLocale(saved, navigator.languages));
  }

  async set(locale: string): Promise<void> {
    await this.#apply(locale);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not remembered across visits, but the page still switches.
    }
  }

  async #apply(locale: string): Promise<void> {
    const messages = await load(locale);
    this.#messages = messages;
    this.#locale = messages === en ? DEFAULT_LOCALE : locale;
    document.documentElement.lang = this.#locale;
    document.documentElement.dir = messages.meta.dir;
  }
}

export const i18n = new I18n();
