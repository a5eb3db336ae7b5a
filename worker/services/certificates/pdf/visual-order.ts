import bidiFactory from 'bidi-js';

export type TextDirection = 'ltr' | 'rtl';

const bidi = bidiFactory();

/** A paragraph's direction, from its first strong letter (Unicode bidi rules P2–P3); LTR when it has none. */
export function paragraphDirection(text: string): TextDirection {
  const level = bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level ?? 0;
  return level % 2 === 1 ? 'rtl' : 'ltr';
}

/**
 * One line of logical text rearranged into the order its characters are drawn left to right, by the
 * Unicode bidi algorithm: right-to-left runs reversed, numbers inside them kept in reading order, and
 * brackets in right-to-left runs mirrored. The direction is the paragraph's, so every line of a
 * wrapped paragraph is ordered the same way.
 */
export function toVisualOrder(line: string, direction: TextDirection): string {
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const units = line.split('');
  for (const [index, mirror] of bidi.getMirroredCharactersMap(line, embedding.levels)) units[index] = mirror;
  for (const [start, end] of bidi.getReorderSegments(line, embedding)) {
    if (start === undefined || end === undefined) continue;
    units.splice(start, end - start + 1, ...units.slice(start, end + 1).reverse());
  }
  return rejoinSurrogatePairs(units).join('');
}

/** bidi-js reorders UTF-16 code units, so a reversed run holds astral characters (emoji) as low, high. */
function rejoinSurrogatePairs(units: string[]): string[] {
  for (let i = 0; i + 1 < units.length; i++) {
    if (isLowSurrogate(units[i]) && isHighSurrogate(units[i + 1])) {
      [units[i], units[i + 1]] = [units[i + 1] as string, units[i] as string];
      i++;
    }
  }
  return units;
}

const isHighSurrogate = (unit: string | undefined) => unit !== undefined && /[\ud800-\udbff]/.test(unit);
const isLowSurrogate = (unit: string | undefined) => unit !== undefined && /[\udc00-\udfff]/.test(unit);
