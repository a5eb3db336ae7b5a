import fontkit, { type BoundingBox, type Font, type Glyph, type GlyphRun } from '@pdf-lib/fontkit';

/**
 * fontkit for pdf-lib's `registerFontkit`, with one change: text is mapped to glyphs character by
 * character, with no shaping and no reordering. Our text arrives already shaped and in visual order
 * (display-text.ts). fontkit's own layout would undo that: it picks the script of the first letter,
 * and for Arabic applies its shaper and reverses the whole string, which garbles mixed lines such as
 * "Tafsir سورة الكهف" and numbers inside Arabic. pdf-lib only reads the glyphs of a layout (their ids
 * and advance widths), for drawing and for measuring alike.
 */
export const preshapedFontkit = {
  create(bytes: Uint8Array, postscriptName?: string): Font {
    const font = fontkit.create(bytes, postscriptName);
    font.layout = (text: string) => glyphRunOf(font.glyphsForString(text));
    return font;
  },
};

function glyphRunOf(glyphs: Glyph[]): GlyphRun {
  const positions = glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  const advanceWidth = positions.reduce((sum, position) => sum + position.xAdvance, 0);
  return {
    glyphs,
    positions,
    script: 'DFLT',
    language: null,
    direction: 'ltr',
    features: {},
    advanceWidth,
    advanceHeight: 0,
    bbox: emptyBox(),
  };
}

/** pdf-lib never reads a run's box, so we do not spend time on glyph outlines to compute one. */
function emptyBox(): BoundingBox {
  return { minX: 0, minY: 0, maxX: 0, maxY: 0, width: 0, height: 0 };
}
