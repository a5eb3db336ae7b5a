import { normalizeText, toDisplayText } from './display-text';
import { paragraphDirection } from './visual-order';

export interface FitRequest {
  /** Width of display text (as toDisplayText gives it) at a font size, in points. */
  measure: (displayText: string, size: number) => number;
  maxWidth: number;
  /** The size we want; the text shrinks towards minSize only as far as it has to. */
  size: number;
  minSize: number;
  maxLines: number;
}

export interface FittedLine {
  /** The line as written (logical order), for the PDF's text layer. */
  text: string;
  /** The same line ready to draw left to right: shaped and in visual order. */
  display: string;
}

export interface FittedText {
  size: number;
  lines: FittedLine[];
}

const SIZE_STEP = 1;
const ELLIPSIS = '…';

/**
 * Fits a paragraph into at most maxLines lines of maxWidth: first by wrapping between words at the
 * wanted size, then by shrinking. Lines are balanced, so a wrapped title reads as two similar lines
 * rather than one full line and a stray word. Text that cannot fit even at minSize (a URL, a name
 * with no spaces) is broken inside words and, as a last resort, cut with an ellipsis.
 *
 * Wrapping happens on logical text and each line is then ordered for display with the paragraph's
 * direction, so the first words of an Arabic title stay on the first line.
 */
export function fitText(text: string, request: FitRequest): FittedText {
  const paragraph = normalizeText(text);
  const direction = paragraphDirection(paragraph);
  const words = paragraph.split(' ').filter((word) => word !== '');
  const widthAt = (size: number) => (line: string) => request.measure(toDisplayText(line, direction), size);
  const display = (size: number, lines: string[]): FittedText => ({
    size,
    lines: lines.map((line) => ({ text: line, display: toDisplayText(line, direction) })),
  });

  for (let size = request.size; ; size = Math.max(request.minSize, size - SIZE_STEP)) {
    const lines = wrapWords(words, request.maxWidth, widthAt(size));
    if (lines && lines.length <= request.maxLines)
      return display(size, balance(words, lines.length, request.maxWidth, widthAt(size)));
    if (size <= request.minSize) break;
  }

  const size = request.minSize;
  const measure = widthAt(size);
  const pieces = words.flatMap((word) => splitToFit(word, request.maxWidth, measure));
  const lines = wrapWords(pieces, request.maxWidth, measure) ?? pieces;
  if (lines.length <= request.maxLines) return display(size, lines);
  const kept = lines.slice(0, request.maxLines);
  kept[kept.length - 1] = withEllipsis(kept[kept.length - 1] ?? '', request.maxWidth, measure);
  return display(size, kept);
}

/** Greedy wrap between words; null when a single word is wider than the line. */
function wrapWords(words: string[], maxWidth: number, width: (line: string) => number): string[] | null {
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (width(word) > maxWidth) return null;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && width(candidate) > maxWidth) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** The narrowest width that still wraps into the same number of lines, found by bisection. */
function balance(words: string[], lineCount: number, maxWidth: number, width: (line: string) => number): string[] {
  let best = wrapWords(words, maxWidth, width) ?? [];
  if (lineCount < 2) return best;
  let narrow = maxWidth / lineCount;
  let wide = maxWidth;
  for (let step = 0; step < 12; step++) {
    const middle = (narrow + wide) / 2;
    const lines = wrapWords(words, middle, width);
    if (lines && lines.length <= lineCount) {
      best = lines;
      wide = middle;
    } else {
      narrow = middle;
    }
  }
  return best;
}

/** A word too wide for any line, cut into pieces that fit (by code point, so no surrogate is split). */
function splitToFit(word: string, maxWidth: number, width: (line: string) => number): string[] {
  if (width(word) <= maxWidth) return [word];
  const pieces: string[] = [];
  let current = '';
  for (const char of word) {
    if (current !== '' && width(current + char) > maxWidth) {
      pieces.push(current);
      current = '';
    }
    current += char;
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

function withEllipsis(line: string, maxWidth: number, width: (line: string) => number): string {
  let chars = Array.from(line);
  while (chars.length > 0 && width(chars.join('') + ELLIPSIS) > maxWidth) chars = chars.slice(0, -1);
  return chars.join('').trimEnd() + ELLIPSIS;
}
