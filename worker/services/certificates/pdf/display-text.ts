import { shapeArabic } from './arabic-shaping';
import { paragraphDirection, toVisualOrder, type TextDirection } from './visual-order';

/**
 * Invisible controls (ZWJ/ZWNJ, direction marks and embeddings, BOM) have done their work once the
 * text is shaped and ordered; left in, a font without glyphs for them would draw boxes.
 */
const SPENT_CONTROLS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/** One paragraph in canonical form: composed characters (alef + combining hamza = أ) and single spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * What to draw, left to right, for one line of logical text: Arabic letters in their joined forms and
 * every run in display order. pdf-lib places glyphs left to right exactly as given, so this is the
 * whole of our right-to-left support.
 */
export function toDisplayText(line: string, direction: TextDirection = paragraphDirection(line)): string {
  return toVisualOrder(shapeArabic(line), direction).replace(SPENT_CONTROLS, '');
}
