/**
 * Width and height from an image's own header, without decoding it: Workers have no image library,
 * and the header is all Strapi's `width`/`height` need. Null when the header is missing or cut short.
 * Dimensions are as stored; an EXIF rotation is not applied (Strapi's sharp metadata does the same).
 */
export interface ImageSize {
  width: number;
  height: number;
}

export function imageSize(mime: string, bytes: Uint8Array): ImageSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    switch (mime) {
      case 'image/png':
        return pngSize(bytes, view);
      case 'image/gif':
        return positive({ width: view.getUint16(6, true), height: view.getUint16(8, true) });
      case 'image/jpeg':
        return jpegSize(bytes, view);
      case 'image/webp':
        return webpSize(bytes, view);
      default:
        return null;
    }
  } catch (error) {
    // DataView throws RangeError when a header claims more bytes than the file has.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** The IHDR chunk always comes first, right after the 8-byte signature. */
function pngSize(bytes: Uint8Array, view: DataView): ImageSize | null {
  if (fourcc(bytes, 12) !== 'IHDR') return null;
  return positive({ width: view.getUint32(16), height: view.getUint32(20) });
}

/** Start-of-frame markers carry the size: baseline, progressive, lossless and arithmetic variants. */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks the marker segments (EXIF, ICC profiles, thumbnails…) until a start-of-frame. */
function jpegSize(bytes: Uint8Array, view: DataView): ImageSize | null {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    // The image data begins (SOS) or ends (EOI) before any frame header: not a usable JPEG.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = view.getUint16(offset + 2);
    if (SOF_MARKERS.has(marker))
      return positive({ width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) });
    if (length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

/** A WebP is one RIFF chunk: lossy (VP8), lossless (VP8L), or extended (VP8X, with the canvas size). */
function webpSize(bytes: Uint8Array, view: DataView): ImageSize | null {
  const chunk = fourcc(bytes, 12);
  const data = 20;
  if (chunk === 'VP8 ') {
    // A 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
    if (bytes[data + 3] !== 0x9d || bytes[data + 4] !== 0x01 || bytes[data + 5] !== 0x2a) return null;
    return positive({
      width: view.getUint16(data + 6, true) & 0x3fff,
      height: view.getUint16(data + 8, true) & 0x3fff,
    });
  }
  if (chunk === 'VP8L') {
    // Signature 0x2F, then width-1 and height-1 as two 14-bit fields.
    if (bytes[data] !== 0x2f) return null;
    const bits = view.getUint32(data + 1, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    // Flags and reserved bytes, then canvas width-1 and height-1 as 24-bit little-endian numbers.
    return { width: uint24(view, data + 4) + 1, height: uint24(view, data + 7) + 1 };
  }
  return null;
}

function uint24(view: DataView, offset: number): number {
  return view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getUint8(offset + 2) << 16);
}

function fourcc(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + 4));
}

/** PNG allows up to 2^31-1 pixels a side, which is also what the integer columns hold; 0 is no image. */
const MAX_SIDE = 0x7fffffff;

function positive(size: ImageSize): ImageSize | null {
  const valid = (n: number) => n > 0 && n <= MAX_SIDE;
  return valid(size.width) && valid(size.height) ? size : null;
}
