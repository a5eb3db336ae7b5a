/**
 * Rich text (lesson content, course descriptions, instructor bios, achievement descriptions) is HTML as a
 * Tiptap/ProseMirror editor writes it, cleaned on the server when saved (worker/lib/rich-text/). What
 * survives, so that the editor offers exactly that:
 *
 * - p, h1-h6, blockquote, ul, ol (start, type), li, pre, code, br, hr;
 * - strong, b, em, i, u, s, del, sub, sup, mark;
 * - a: href (http, https, mailto, tel, or relative), title, target="_blank"; rel is always
 *   "noopener noreferrer nofollow";
 * - img: only media of this site (src under /uploads/), with alt, title, width, height;
 * - dir (ltr, rtl, auto) and lang on every element; text-align in style on paragraphs and headings;
 * - span with classes from RICH_TEXT_SPAN_CLASSES; code with a `language-…` class.
 *
 * Everything else is removed: other elements are unwrapped to their text, scripts, styles, frames, forms'
 * fields, SVG and MathML go with their content, and so do event handlers and other attributes.
 */
export const RICH_TEXT_SPAN_CLASSES = [
  /** A verse of the Quran, usually with lang="ar" dir="rtl". */
  'quran-verse',
  /** A supplication. */
  'dua',
  /** A hadith quotation. */
  'hadith',
  /** Arabic text set in the Arabic font. */
  'arabic',
  /** A reference such as "Al-Baqarah 2:255". */
  'reference',
] as const;
export type RichTextSpanClass = (typeof RICH_TEXT_SPAN_CLASSES)[number];
