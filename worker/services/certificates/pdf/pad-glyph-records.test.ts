import fontkit, { type Font } from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { readCertificateFonts } from '../../../../tests/support/certificate-fonts';
import { padGlyphRecords } from './pad-glyph-records';

const fonts = readCertificateFonts();

function glyphRecordLengths(bytes: Uint8Array): number[] {
  // fontkit exposes parsed tables as properties that its typings leave out.
  const { loca } = fontkit.create(bytes) as Font & { loca: { offsets: number[] } };
  const offsets = loca.offsets;
  return offsets.slice(1).map((end, glyph) => end - (offsets[glyph] ?? 0));
}

async function subsetOf(font: Font, text: string): Promise<{ subset: Font; ids: number[] }> {
  const subset = font.createSubset();
  const ids = font.glyphsForString(text).map((glyph) => subset.includeGlyph(glyph));
  const chunks: Uint8Array[] = [];
  await new Promise<void>((resolve) =>
    subset
      .encodeStream()
      .on('data', (chunk) => chunks.push(chunk))
      .on('end', () => resolve()),
  );
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  chunks.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.length), 0);
  return { subset: fontkit.create(bytes), ids };
}

/** The sfnt checksum rule: the whole file, as big-endian words, sums to 0xB1B0AFBA. */
function fileChecksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

const SAMPLE = 'AttaqwaMasjid School ﺪﻳﺯ ﻦﺴﺣ ﻡﻼﺴﻟﺍ ﷺ 0123456789';

describe('padding glyph records so fontkit can subset the font', () => {
  it('is needed: Amiri as shipped has odd-length glyph records', () => {
    expect(glyphRecordLengths(fonts.regular).some((length) => length % 2 === 1)).toBe(true);
  });

  it('pads every record to 4 bytes and keeps every outline and advance width', () => {
    const original = fontkit.create(fonts.regular);
    const padded = fontkit.create(padGlyphRecords(fonts.regular));
    expect(glyphRecordLengths(padGlyphRecords(fonts.regular)).every((length) => length % 4 === 0)).toBe(true);
    expect(padded.numGlyphs).toBe(original.numGlyphs);
    for (let id = 0; id < original.numGlyphs; id += 7) {
      expect(padded.getGlyph(id).path.toSVG()).toBe(original.getGlyph(id).path.toSVG());
      expect(padded.getGlyph(id).advanceWidth).toBe(original.getGlyph(id).advanceWidth);
    }
  });

  it('gives subsets whose glyphs read back as the originals (they do not without it)', async () => {
    for (const bytes of [fonts.regular, fonts.bold]) {
      const original = fontkit.create(bytes);
      const expected = original.glyphsForString(SAMPLE).map((glyph) => glyph.path.toSVG());

      const fixed = await subsetOf(fontkit.create(padGlyphRecords(bytes)), SAMPLE);
      expect(fixed.ids.map((id) => fixed.subset.getGlyph(id).path.toSVG())).toEqual(expected);

      const broken = await subsetOf(original, SAMPLE);
      const readBack = (id: number) => {
        try {
          return broken.subset.getGlyph(id).path.toSVG();
        } catch {
          return 'unreadable';
        }
      };
      expect(broken.ids.map(readBack)).not.toEqual(expected);
    }
  });

  it('writes a well-formed file: the whole-file checksum holds', () => {
    expect(fileChecksum(padGlyphRecords(fonts.bold))).toBe(0xb1b0afba);
  });

  it('returns a font that needs nothing as the very same bytes, and remembers its work', () => {
    const padded = padGlyphRecords(fonts.regular);
    expect(padGlyphRecords(padded)).toBe(padded);
    expect(padGlyphRecords(fonts.regular)).toBe(padded);
  });
});
