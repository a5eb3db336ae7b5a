// The message books: each is a folder books/<book>/ with <locale>.ts files, English the source of keys.
// The shell's words (core) ship in the first bundle; every other book is a chunk of its own per locale,
// loaded by the pages that show its words (`await i18n.use('family')`), so a learner's first visit never
// downloads the teacher's or the admin's vocabulary.
import type access from './books/access/en';
import type admin from './books/admin/en';
import type core from './books/core/en';
import type editor from './books/editor/en';
import type monitor from './books/monitor/en';
import type family from './books/family/en';
import type hifz from './books/hifz/en';
import type player from './books/player/en';
import type quiz from './books/quiz/en';
import type learn from './books/learn/en';
import type learnAchievements from './books/learnAchievements/en';
import type learnCatalog from './books/learnCatalog/en';
import type teach from './books/teach/en';

/** Every book's type, by name: a new book adds its line here. */
interface BookTypes {
  core: typeof core;
  family: typeof family;
  learn: typeof learn;
  learnCatalog: typeof learnCatalog;
  learnAchievements: typeof learnAchievements;
  teach: typeof teach;
  admin: typeof admin;
  hifz: typeof hifz;
  access: typeof access;
  player: typeof player;
  quiz: typeof quiz;
  editor: typeof editor;
  monitor: typeof monitor;
}

export type Book = keyof BookTypes;
export type BookMessages<B extends Book> = BookTypes[B];

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** All the words of the app, as pages see them through `i18n.m` (a book's areas are there once it is used). */
export type Messages = UnionToIntersection<BookTypes[Book]>;

const loaders = import.meta.glob<{ default: object }>(['./books/*/*.ts', '!./books/core/en.ts', '!./**/*.test.ts']);

/** The book's messages in `locale` (core English is bundled and never comes through here). */
export async function loadBook(book: Book, locale: string): Promise<object> {
  const loader = loaders[`./books/${book}/${locale}.ts`] ?? loaders[`./books/${book}/en.ts`];
  if (!loader) throw new Error(`no message book "${book}"`);
  return (await loader()).default;
}
