import { MEDIA_TYPES, type MediaType } from './media-types';

/**
 * How many leading bytes the sniffer needs. The client's Content-Type and file name are not trusted:
 * anyone can call an .exe "photo.png" or send an HTML page as image/png, so the type comes from the
 * bytes alone.
 *
 * SVG is refused on purpose even though it is an image: it is XML that may carry <script>, event
 * handlers and links, and a browser opening its URL directly runs that script in our origin (stored
 * XSS reaching the signed-in session). Sanitising SVG reliably is hard; teachers can upload PNG.
 */
export const SNIFF_BYTES = 64;

/** The accepted media type these bytes really are, or null for anything else (HTML, SVG, executables…). */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return MEDIA_TYPES.png;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return MEDIA_TYPES.jpeg;
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return MEDIA_TYPES.gif;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return MEDIA_TYPES.webp;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WAVE') return MEDIA_TYPES.wav;
  if (ascii(bytes, 0, 5) === '%PDF-') return MEDIA_TYPES.pdf;
  if (ascii(bytes, 0, 4) === 'OggS') return MEDIA_TYPES.ogg;
  if (ascii(bytes, 4, 4) === 'ftyp') return isoMediaType(ascii(bytes, 8, 4));
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return isWebmDocType(bytes) ? MEDIA_TYPES.webm : null;
  if (ascii(bytes, 0, 3) === 'ID3' || isMpegAudioFrame(bytes)) return MEDIA_TYPES.mp3;
  if (isWebVtt(bytes)) return MEDIA_TYPES.vtt;
  return null;
}

/**
 * A WebVTT file starts with an optional UTF-8 byte order mark, "WEBVTT", then the end of the file, a space,
 * a tab or a line break (the WebVTT spec's signature). Served as text/vtt with nosniff and a sandbox,
 * whatever follows cannot run as a page.
 */
function isWebVtt(bytes: Uint8Array): boolean {
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (ascii(bytes, start, 6) !== 'WEBVTT') return false;
  const next = bytes[start + 6];
  return next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

/** Brands of the ISO base media format (ftyp box) that are audio-only MPEG-4 files. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);
/**
 * Brands of MPEG-4 video. A list of known ones rather than "any ftyp": HEIC and AVIF images and
 * QuickTime movies share the box but are not video/mp4.
 */
const VIDEO_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'dash',
  'mmp4',
  'f4v ',
  'MSNV',
]);

function isoMediaType(majorBrand: string): MediaType | null {
  if (AUDIO_BRANDS.has(majorBrand)) return MEDIA_TYPES.m4a;
  if (VIDEO_BRANDS.has(majorBrand)) return MEDIA_TYPES.mp4;
  return null;
}

/** EBML files are Matroska or WebM; only WebM plays everywhere, and its header says so (DocType). */
function isWebmDocType(bytes: Uint8Array): boolean {
  for (let i = 4; i + 3 < bytes.length; i++) {
    // DocType element id 0x4282, a one-byte size (0x80 | length), then the name.
    if (bytes[i] === 0x42 && bytes[i + 1] === 0x82) {
      const length = (bytes[i + 2] ?? 0) & 0x7f;
      return ascii(bytes, i + 3, length) === 'webm';
    }
  }
  return false;
}

/**
 * An MP3 without an ID3 tag starts with an MPEG audio frame: 11 set sync bits, then version, layer,
 * bitrate and sample-rate fields that must not hold their reserved values. The checks keep random
 * bytes starting with 0xFF from passing (and ADTS AAC, whose layer field is 0).
 */
function isMpegAudioFrame(bytes: Uint8Array): boolean {
  const [b0, b1, b2] = [bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0];
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false;
  const version = (b1 >> 3) & 0b11;
  const layer = (b1 >> 1) & 0b11;
  const bitrate = b2 >> 4;
  const sampleRate = (b2 >> 2) & 0b11;
  return version !== 0b01 && layer !== 0b00 && bitrate !== 0b1111 && sampleRate !== 0b11;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (offset + length > bytes.length) return '';
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
