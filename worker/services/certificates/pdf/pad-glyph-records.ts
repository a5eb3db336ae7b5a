/**
 * fontkit's TrueType subsetter (used by pdf-lib's `subset: true`) copies each glyph record as it is and
 * then writes the short `loca` format, which stores offset / 2, whenever the subset's glyphs fit in 64 KB.
 * A glyph record of odd length shifts every later glyph by a byte, and the PDF shows blanks where
 * letters should be. Amiri as Google Fonts ships it has 405 odd-length records (its `loca` is the long
 * format, which allows them). Padding every record to a 4-byte boundary, as the OpenType spec
 * recommends, changes no outline and keeps the subsetter's offsets exact.
 */

const paddedFonts = new WeakMap<Uint8Array, Uint8Array>();

/** The font with every glyph record padded; the same bytes when nothing needs padding. Memoised per input. */
export function padGlyphRecords(font: Uint8Array): Uint8Array {
  let padded = paddedFonts.get(font);
  if (!padded) {
    padded = pad(font);
    paddedFonts.set(font, padded);
  }
  return padded;
}

interface TableRecord {
  tag: string;
  data: Uint8Array;
}

const GLYPH_ALIGNMENT = 4;

function pad(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = readTables(font, view);
  const glyf = tables.find((table) => table.tag === 'glyf');
  const loca = tables.find((table) => table.tag === 'loca');
  const head = tables.find((table) => table.tag === 'head');
  const maxp = tables.find((table) => table.tag === 'maxp');
  // CFF-flavoured OpenType has no glyf table and nothing to pad.
  if (!glyf || !loca || !head || !maxp) return font;

  const longOffsets = dataView(head.data).getInt16(50) === 1;
  const glyphCount = dataView(maxp.data).getUint16(4);
  const offsets = Array.from({ length: glyphCount + 1 }, (_, glyph) =>
    longOffsets ? dataView(loca.data).getUint32(glyph * 4) : dataView(loca.data).getUint16(glyph * 2) * 2,
  );
  const lengths = offsets.slice(1).map((end, glyph) => end - (offsets[glyph] ?? 0));
  if (lengths.every((length) => length % GLYPH_ALIGNMENT === 0)) return font;

  const paddedLengths = lengths.map((length) => align(length, GLYPH_ALIGNMENT));
  const newGlyf = new Uint8Array(paddedLengths.reduce((sum, length) => sum + length, 0));
  const newLoca = new Uint8Array((glyphCount + 1) * 4);
  const locaView = dataView(newLoca);
  let position = 0;
  lengths.forEach((length, glyph) => {
    const start = offsets[glyph] ?? 0;
    newGlyf.set(glyf.data.subarray(start, start + length), position);
    locaView.setUint32(glyph * 4, position);
    position += paddedLengths[glyph] ?? 0;
  });
  locaView.setUint32(glyphCount * 4, position);

  const newHead = head.data.slice();
  dataView(newHead).setInt16(50, 1); // loca is now always the long format
  glyf.data = newGlyf;
  loca.data = newLoca;
  head.data = newHead;
  return writeFont(view.getUint32(0), tables);
}

function readTables(font: Uint8Array, view: DataView): TableRecord[] {
  const count = view.getUint16(4);
  return Array.from({ length: count }, (_, index) => {
    const record = 12 + index * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    return { tag, data: font.subarray(offset, offset + length) };
  });
}

/** Lays the tables out again in directory order, with fresh checksums and head.checkSumAdjustment. */
function writeFont(sfntVersion: number, tables: TableRecord[]): Uint8Array {
  const headerLength = 12 + tables.length * 16;
  const totalLength = tables.reduce((sum, table) => sum + align(table.data.length, 4), headerLength);
  const out = new Uint8Array(totalLength);
  const view = dataView(out);
  const searchPower = 2 ** Math.floor(Math.log2(tables.length));
  view.setUint32(0, sfntVersion);
  view.setUint16(4, tables.length);
  view.setUint16(6, searchPower * 16);
  view.setUint16(8, Math.log2(searchPower));
  view.setUint16(10, tables.length * 16 - searchPower * 16);

  let offset = headerLength;
  let headOffset = -1;
  tables.forEach((table, index) => {
    if (table.tag === 'head') {
      headOffset = offset;
      table.data = table.data.slice();
      dataView(table.data).setUint32(8, 0); // checksums are computed with checkSumAdjustment zeroed
    }
    const record = 12 + index * 16;
    for (let i = 0; i < 4; i++) out[record + i] = table.tag.charCodeAt(i);
    view.setUint32(record + 4, checksum(table.data));
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, table.data.length);
    out.set(table.data, offset);
    offset += align(table.data.length, 4);
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** The sfnt checksum: the sum of big-endian uint32 words, the last one zero-padded, modulo 2^32. */
function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(align(data.length, 4));
  padded.set(data);
  const view = dataView(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

const align = (length: number, boundary: number) => Math.ceil(length / boundary) * boundary;
const dataView = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
