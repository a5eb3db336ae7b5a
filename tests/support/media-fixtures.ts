/**
 * Small files of every kind the media library meets, built byte by byte: enough of each format's
 * header for sniffing and for reading image sizes, padded with zeros to look like a body.
 */

const text = (s: string) => [...s].map((c) => c.charCodeAt(0));
const u16be = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u24le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const u32be = (n: number) => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

function bytes(parts: number[], padTo = 128): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(Math.max(parts.length, padTo));
  out.set(parts);
  return out;
}

/** A real 1x1 PNG, as any image tool writes it. */
export const png1x1 = () =>
  Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );

/** SOI, a JFIF APP0 segment, an EXIF-sized APP1 to walk past, then a baseline SOF0 with the size. */
export const jpeg = (width: number, height: number) =>
  bytes([
    0xff,
    0xd8,
    0xff,
    0xe0,
    ...u16be(16),
    ...text('JFIF\0'),
    1,
    1,
    0,
    ...u16be(1),
    ...u16be(1),
    0,
    0,
    0xff,
    0xe1,
    ...u16be(8),
    ...text('Exif\0\0'),
    0xff,
    0xc0,
    ...u16be(17),
    8,
    ...u16be(height),
    ...u16be(width),
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
    0xff,
    0xd9,
  ]);

export const gif = (width: number, height: number) =>
  bytes([...text('GIF89a'), ...u16le(width), ...u16le(height), 0, 0, 0, 0x3b], 32);

const riff = (form: string, chunks: number[]) => [
  ...text('RIFF'),
  ...u32le(4 + chunks.length),
  ...text(form),
  ...chunks,
];

export const webpVp8x = (width: number, height: number) =>
  bytes(riff('WEBP', [...text('VP8X'), ...u32le(10), 0x10, 0, 0, 0, ...u24le(width - 1), ...u24le(height - 1)]));

export const webpVp8 = (width: number, height: number) =>
  bytes(
    riff('WEBP', [
      ...text('VP8 '),
      ...u32le(10),
      0x50,
      0x02,
      0x00,
      0x9d,
      0x01,
      0x2a,
      ...u16le(width),
      ...u16le(height),
    ]),
  );

export const webpVp8l = (width: number, height: number) =>
  bytes(riff('WEBP', [...text('VP8L'), ...u32le(5), 0x2f, ...u32le((width - 1) | ((height - 1) << 14))]));

export const wav = () =>
  bytes(
    riff('WAVE', [
      ...text('fmt '),
      ...u32le(16),
      ...u16le(1),
      ...u16le(1),
      ...u32le(8000),
      ...u32le(8000),
      ...u16le(1),
      ...u16le(8),
    ]),
  );

/** A PDF with `size` bytes in all: its header, then a recognisable body for range checks. */
export const pdf = (size = 256) => {
  const body = text('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  while (body.length < size - 6) body.push(0x30 + (body.length % 10));
  return bytes([...body, ...text('%%EOF\n')], size);
};

/** An ID3v2.4 tag header, then an MPEG-1 Layer III frame header (128 kbit/s, 44.1 kHz). */
export const mp3WithId3 = () => bytes([...text('ID3'), 4, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]);
/** Just the frame: many encoders write no tag. */
export const mp3FrameOnly = () => bytes([0xff, 0xfb, 0x90, 0x64]);

const ftyp = (major: string, ...compatible: string[]) =>
  bytes([
    ...u32be(16 + 4 * compatible.length),
    ...text('ftyp'),
    ...text(major),
    ...u32be(0),
    ...compatible.flatMap(text),
  ]);
export const m4a = () => ftyp('M4A ', 'M4A ', 'mp42', 'isom');
export const mp4 = () => ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41');
export const heic = () => ftyp('heic', 'mif1', 'heic');

export const ogg = () => bytes([...text('OggS'), 0, 2, 0, 0, 0, 0, 0, 0, 0, 0]);

/** An EBML header (version, read version, max id/size lengths, DocType, DocType versions). */
const ebml = (docType: string) =>
  bytes([
    0x1a,
    0x45,
    0xdf,
    0xa3,
    0x80 | (27 + docType.length),
    0x42,
    0x86,
    0x81,
    1,
    0x42,
    0xf7,
    0x81,
    1,
    0x42,
    0xf2,
    0x81,
    4,
    0x42,
    0xf3,
    0x81,
    8,
    0x42,
    0x82,
    0x80 | docType.length,
    ...text(docType),
    0x42,
    0x87,
    0x81,
    2,
    0x42,
    0x85,
    0x81,
    2,
  ]);
export const webm = () => ebml('webm');
export const matroska = () => ebml('matroska');

/** WebVTT captions: one cue per line of text, two seconds each, with an optional byte order mark. */
export const webVtt = (cues: string[] = ['Bismillah'], bom = false) =>
  new TextEncoder().encode(
    (bom ? '\ufeff' : '') +
      'WEBVTT\n\n' +
      cues.map((cue, i) => `00:00:0${2 * i}.000 --> 00:00:0${2 * i + 2}.000\n${cue}\n`).join('\n'),
  );

/** What must never be stored as media. */
export const windowsExe = () =>
  bytes([
    ...text('MZ'),
    0x90,
    0,
    3,
    0,
    0,
    0,
    4,
    0,
    0,
    0,
    0xff,
    0xff,
    ...text('This program cannot be run in DOS mode.'),
  ]);
export const html = () =>
  new TextEncoder().encode('<!doctype html><html><body><script>fetch("/api/users/me")</script></body></html>');
export const svg = () =>
  new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
