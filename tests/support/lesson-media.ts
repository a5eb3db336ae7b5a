// Real, playable media for the player tests, made here so the suite needs no media files or tools:
// a WAV recording (PCM tones, written byte by byte) and a WebM video (frames drawn on a canvas and encoded
// to VP8 by the browser's own WebCodecs, then put in a WebM container written below, with a duration
// and cues so the browser can seek it by byte ranges).
import type { Browser } from 'playwright-core';

/** Mono 16-bit PCM at 8 kHz: a rising tone per second, so every second sounds different. */
export function toneWav(seconds: number, rate = 8000): Uint8Array<ArrayBuffer> {
  const samples = seconds * rate;
  const out = new Uint8Array(44 + samples * 2);
  const view = new DataView(out.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    const frequency = 220 + 40 * Math.floor(i / rate);
    view.setInt16(44 + i * 2, Math.round(Math.sin((2 * Math.PI * frequency * i) / rate) * 8000), true);
  }
  return out;
}

interface Chunk {
  timestamp: number;
  key: boolean;
  /** base64 */
  data: string;
}

/** A VP8 WebM of `seconds` seconds at 10 frames a second, a keyframe every second, each frame numbered. */
export async function numberedWebm(browser: Browser, seconds: number): Promise<Uint8Array<ArrayBuffer>> {
  const page = await browser.newPage();
  try {
    // WebCodecs needs a secure context: a page of http://localhost is one (served here, not by a server).
    await page.route('http://localhost/encoder', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>encoder</title>' }),
    );
    await page.goto('http://localhost/encoder');
    const [width, height, fps] = [320, 180, 10];
    // Sent as source text, so no transpiler helper ends up in the page.
    const chunks = (await page.evaluate(`(async () => {
      const [width, height, fps, seconds] = [${width}, ${height}, ${fps}, ${seconds}];
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d');
      const out = [];
      let failure = null;
      const encoder = new VideoEncoder({
        output: (chunk) => {
          const data = new Uint8Array(chunk.byteLength);
          chunk.copyTo(data);
          let text = '';
          for (let i = 0; i < data.length; i += 0x8000) text += String.fromCharCode(...data.subarray(i, i + 0x8000));
          out.push({ timestamp: chunk.timestamp, key: chunk.type === 'key', data: btoa(text) });
        },
        error: (e) => (failure = e),
      });
      encoder.configure({ codec: 'vp8', width, height, bitrate: 800000, framerate: fps });
      for (let i = 0; i < seconds * fps; i++) {
        g.fillStyle = 'hsl(' + ((i * 7) % 360) + ' 60% 35%)';
        g.fillRect(0, 0, width, height);
        // Noise weighs: the file becomes large enough that seeking needs later byte ranges.
        for (let n = 0; n < 300; n++) {
          g.fillStyle = 'hsl(' + Math.floor(Math.random() * 360) + ' 70% 50%)';
          g.fillRect(Math.random() * width, Math.random() * height, 6, 6);
        }
        g.fillStyle = '#fff';
        g.font = 'bold 64px sans-serif';
        g.fillText((i / fps).toFixed(1) + 's', 40, 115);
        const frame = new VideoFrame(canvas, { timestamp: (i * 1000000) / fps, duration: 1000000 / fps });
        encoder.encode(frame, { keyFrame: i % fps === 0 });
        frame.close();
      }
      await encoder.flush();
      if (failure) throw failure;
      return out;
    })()`)) as Chunk[];
    return muxWebm(chunks, width, height, seconds * 1000);
  } finally {
    await page.close();
  }
}

// --- a small WebM (Matroska) writer: EBML elements with sizes known up front ---

function vint(n: number, length?: number): number[] {
  const len = length ?? (n < 0x7f ? 1 : n < 0x3fff ? 2 : n < 0x1fffff ? 3 : n < 0xfffffff ? 4 : 8);
  const out: number[] = [];
  let value = n;
  for (let i = len - 1; i >= 0; i--) {
    out[i] = value % 256;
    value = Math.floor(value / 256);
  }
  out[0]! |= 1 << (8 - len);
  return out;
}

const idBytes = (id: number) => {
  const out: number[] = [];
  for (let v = id; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
};
const element = (id: number, body: number[], sizeLength?: number) => [
  ...idBytes(id),
  ...vint(body.length, sizeLength),
  ...body,
];
const uint = (n: number, length = 0) => {
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  while (out.length < Math.max(1, length)) out.unshift(0);
  return out;
};
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const float64 = (n: number) => {
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, n);
  return [...new Uint8Array(b.buffer)];
};

function muxWebm(chunks: Chunk[], width: number, height: number, durationMs: number): Uint8Array<ArrayBuffer> {
  const header = element(0x1a45dfa3, [
    ...element(0x4286, uint(1)),
    ...element(0x42f7, uint(1)),
    ...element(0x42f2, uint(4)),
    ...element(0x42f3, uint(8)),
    ...element(0x4282, ascii('webm')),
    ...element(0x4287, uint(2)),
    ...element(0x4285, uint(2)),
  ]);
  const info = element(0x1549a966, [
    ...element(0x2ad7b1, uint(1_000_000)),
    ...element(0x4d80, ascii('lms-tests')),
    ...element(0x5741, ascii('lms-tests')),
    ...element(0x4489, float64(durationMs)),
  ]);
  const tracks = element(0x1654ae6b, [
    ...element(0xae, [
      ...element(0xd7, uint(1)),
      ...element(0x73c5, uint(1)),
      ...element(0x83, uint(1)),
      ...element(0x86, ascii('V_VP8')),
      ...element(0xe0, [...element(0xb0, uint(width)), ...element(0xba, uint(height))]),
    ]),
  ]);
  // One cluster per keyframe (one a second), each listed in the cues.
  const clusters: { time: number; blocks: Buffer[] }[] = [];
  for (const chunk of chunks) {
    const ms = Math.round(chunk.timestamp / 1000);
    if (chunk.key || !clusters.length) clusters.push({ time: ms, blocks: [] });
    const cluster = clusters.at(-1)!;
    const relative = ms - cluster.time;
    const data = Buffer.from(chunk.data, 'base64');
    const head = [0x81, (relative >> 8) & 0xff, relative & 0xff, chunk.key ? 0x80 : 0x00];
    cluster.blocks.push(Buffer.from([...idBytes(0xa3), ...vint(head.length + data.length), ...head]), data);
  }
  const clusterBytes = clusters.map((c) => {
    const body = Buffer.concat([Buffer.from(element(0xe7, uint(c.time))), ...c.blocks]);
    return Buffer.concat([Buffer.from([...idBytes(0x1f43b675), ...vint(body.length)]), body]);
  });
  // Positions are relative to the start of the segment's body; the seek head's entries use 8-byte numbers
  // so its size does not depend on them.
  const seekEntry = (id: number, position: number) =>
    element(0x4dbb, [...element(0x53ab, idBytes(id)), ...element(0x53ac, uint(position, 8))]);
  const seekHeadSize = element(0x114d9b74, [
    ...seekEntry(0x1549a966, 0),
    ...seekEntry(0x1654ae6b, 0),
    ...seekEntry(0x1c53bb6b, 0),
  ]).length;
  const infoAt = seekHeadSize;
  const tracksAt = infoAt + info.length;
  let at = tracksAt + tracks.length;
  const cuePoints: number[] = [];
  clusters.forEach((c, i) => {
    cuePoints.push(
      ...element(0xbb, [
        ...element(0xb3, uint(c.time)),
        ...element(0xb7, [...element(0xf7, uint(1)), ...element(0xf1, uint(at, 8))]),
      ]),
    );
    at += clusterBytes[i]!.length;
  });
  const cues = element(0x1c53bb6b, cuePoints);
  const seekHead = element(0x114d9b74, [
    ...seekEntry(0x1549a966, infoAt),
    ...seekEntry(0x1654ae6b, tracksAt),
    ...seekEntry(0x1c53bb6b, at),
  ]);
  const body = Buffer.concat([Buffer.from([...seekHead, ...info, ...tracks]), ...clusterBytes, Buffer.from(cues)]);
  const segment = Buffer.concat([Buffer.from([...header, ...idBytes(0x18538067), ...vint(body.length, 8)]), body]);
  return new Uint8Array(segment.buffer.slice(segment.byteOffset, segment.byteOffset + segment.byteLength));
}
