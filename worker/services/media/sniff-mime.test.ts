import { describe, expect, it } from 'vitest';
import * as fixture from '../../../tests/support/media-fixtures';
import { sniffMediaType } from './sniff-mime';

const mimeOf = (bytes: Uint8Array) => sniffMediaType(bytes)?.mime ?? null;

describe('sniffing the type from the bytes', () => {
  it('recognises the accepted images by their magic numbers', () => {
    expect(mimeOf(fixture.png1x1())).toBe('image/png');
    expect(mimeOf(fixture.jpeg(4, 3))).toBe('image/jpeg');
    expect(mimeOf(fixture.gif(2, 2))).toBe('image/gif');
    expect(mimeOf(fixture.webpVp8x(640, 480))).toBe('image/webp');
    expect(mimeOf(fixture.webpVp8(16, 16))).toBe('image/webp');
  });

  it('recognises PDF by %PDF-', () => {
    expect(sniffMediaType(fixture.pdf())).toMatchObject({ mime: 'application/pdf', kind: 'pdf' });
  });

  it('recognises MP3 by an ID3 tag or by an MPEG frame header alone', () => {
    expect(mimeOf(fixture.mp3WithId3())).toBe('audio/mpeg');
    expect(mimeOf(fixture.mp3FrameOnly())).toBe('audio/mpeg');
  });

  it('tells MPEG-4 audio from video by the ftyp brand', () => {
    expect(sniffMediaType(fixture.m4a())).toMatchObject({ mime: 'audio/mp4', kind: 'audio' });
    expect(sniffMediaType(fixture.mp4())).toMatchObject({ mime: 'video/mp4', kind: 'video' });
  });

  it('recognises Ogg as audio, RIFF WAVE as WAV, and EBML with the webm DocType as WebM video', () => {
    expect(mimeOf(fixture.ogg())).toBe('audio/ogg');
    expect(mimeOf(fixture.wav())).toBe('audio/wav');
    expect(sniffMediaType(fixture.webm())).toMatchObject({ mime: 'video/webm', kind: 'video' });
  });

  it('recognises WebVTT captions by their signature, with or without a byte order mark', () => {
    expect(sniffMediaType(fixture.webVtt())).toMatchObject({ mime: 'text/vtt', kind: 'captions' });
    expect(mimeOf(fixture.webVtt(['Bismillah'], true))).toBe('text/vtt');
    expect(mimeOf(new TextEncoder().encode('WEBVTT'))).toBe('text/vtt');
    expect(mimeOf(new TextEncoder().encode('WEBVTT - a header\n'))).toBe('text/vtt');
    expect(mimeOf(new TextEncoder().encode('WEBVTTX\n'))).toBeNull();
    expect(mimeOf(new TextEncoder().encode('<html>WEBVTT\n'))).toBeNull();
  });

  it('refuses executables, HTML and SVG whatever they are called', () => {
    expect(sniffMediaType(fixture.windowsExe())).toBeNull();
    expect(sniffMediaType(fixture.html())).toBeNull();
    expect(sniffMediaType(fixture.svg())).toBeNull();
  });

  it('refuses formats that share a container with accepted ones: HEIC (ftyp) and Matroska (EBML)', () => {
    expect(sniffMediaType(fixture.heic())).toBeNull();
    expect(sniffMediaType(fixture.matroska())).toBeNull();
  });

  it('refuses empty or truncated input and bytes that only resemble an MPEG frame', () => {
    expect(sniffMediaType(new Uint8Array())).toBeNull();
    expect(sniffMediaType(Uint8Array.of(0x89, 0x50, 0x4e))).toBeNull();
    expect(sniffMediaType(Uint8Array.of(0xff, 0xff, 0xff, 0xff))).toBeNull(); // reserved bitrate
    expect(sniffMediaType(Uint8Array.of(0xff, 0xf1, 0x50, 0x80))).toBeNull(); // ADTS AAC: layer 0
  });
});
