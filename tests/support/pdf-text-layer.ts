import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';

/** One line the certificate renderer drew: what it says (ActualText) and what its glyphs spell. */
export interface DrawnLine {
  actualText: string;
  /** The glyphs mapped back through the font's ToUnicode table, left to right as drawn. */
  drawn: string;
  glyphIds: number[];
  fontSize: number;
  x: number;
  y: number;
}

/**
 * A small text extractor for the PDFs our renderer writes (no poppler needed): each line is an
 * ActualText span holding one `Tf`, one `Tm` and one hex `Tj`, as pdf-lib's drawText emits them.
 */
export async function readDrawnLines(pdf: Uint8Array): Promise<DrawnLine[]> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(0);
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  const content = streams.map((ref) => decodeStream(doc, ref)).join('\n');
  const fonts = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  const toUnicodeOf = new Map<string, Map<number, string>>();
  const toUnicode = (fontName: string) => {
    let map = toUnicodeOf.get(fontName);
    if (!map) {
      const font = fonts?.lookup(PDFName.of(fontName), PDFDict);
      const cmapRef = font?.get(PDFName.of('ToUnicode'));
      map = cmapRef ? parseToUnicode(decodeStream(doc, cmapRef)) : new Map();
      toUnicodeOf.set(fontName, map);
    }
    return map;
  };

  const span =
    /\/Span << \/ActualText <([0-9A-F]+)> >> BDC[\s\S]*?\/(\S+) ([\d.]+) Tf[\s\S]*?1 0 0 1 ([\d.-]+) ([\d.-]+) Tm\s*<([0-9A-F]*)> Tj[\s\S]*?EMC/g;
  return [...content.matchAll(span)].map(([, actual = '', fontName = '', size = '', x = '', y = '', glyphHex = '']) => {
    const glyphIds = (glyphHex.match(/.{4}/g) ?? []).map((hex) => parseInt(hex, 16));
    const map = toUnicode(fontName);
    return {
      actualText: utf16Hex(actual),
      drawn: glyphIds.map((id) => map.get(id) ?? '\u{FFFD}').join(''),
      glyphIds,
      fontSize: Number(size),
      x: Number(x),
      y: Number(y),
    };
  });
}

function decodeStream(doc: PDFDocument, ref: unknown): string {
  const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  if (!(stream instanceof PDFRawStream)) throw new Error('expected a stream');
  return new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
}

/** `<0001> <FEAA>` pairs of a bfchar block: glyph code to UTF-16BE text. */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, code = '', text = ''] of cmap.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
    if (code.length === 4 && code !== '0000' && text !== 'ffff') map.set(parseInt(code, 16), utf16Hex(text));
  }
  return map;
}

/** UTF-16BE hex, with or without a byte-order mark, to a string. */
function utf16Hex(hex: string): string {
  const units = (hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16));
  return String.fromCharCode(...(units[0] === 0xfeff ? units.slice(1) : units));
}
