import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CERTIFICATE_FONTS_DIR, readCertificateFonts } from '../../../../tests/support/certificate-fonts';
import { LAM_ALEF_FORMS, LETTER_FORMS } from './arabic-forms';
import { CERTIFICATE_FONT_FILES, type loadCertificateFonts as LoadCertificateFonts } from './fonts';

/** An assets binding that serves app/static like Cloudflare does, SPA fallback included. */
function fakeAssets(options: { missing?: string[] } = {}) {
  const requested: string[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const { pathname } = new URL(request.url);
    requested.push(pathname);
    const file = pathname.replace(/^\/fonts\//, '');
    if (options.missing?.includes(file))
      return new Response('<!doctype html><title>LMS</title>', { headers: { 'content-type': 'text/html' } });
    return new Response(readFileSync(join(CERTIFICATE_FONTS_DIR, file)));
  });
  return { binding: { fetch } as unknown as Fetcher, requested, fetch };
}

/** toEqual compares 400 KB arrays element by element, for seconds; Buffer.compare does it at once. */
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

// The fonts module keeps its cache for the isolate; each test loads a fresh copy of the module.
let loadFonts: typeof LoadCertificateFonts;
beforeEach(async () => {
  vi.resetModules();
  ({ loadCertificateFonts: loadFonts } = await import('./fonts'));
});

describe('loading the certificate fonts from the static assets', () => {
  it('fetches both Amiri faces under /fonts/ and returns their bytes', async () => {
    const assets = fakeAssets();
    const fonts = await loadFonts(assets.binding);
    expect(assets.requested.sort()).toEqual(['/fonts/Amiri-Bold.ttf', '/fonts/Amiri-Regular.ttf']);
    const onDisk = readCertificateFonts();
    expect(fonts.regular).toBeInstanceOf(Uint8Array);
    expect(sameBytes(fonts.regular, onDisk.regular) && sameBytes(fonts.bold, onDisk.bold)).toBe(true);
  });

  it('keeps the bytes for the isolate: the second call fetches nothing', async () => {
    const assets = fakeAssets();
    const first = await loadFonts(assets.binding);
    const second = await loadFonts(assets.binding);
    expect(second).toBe(first);
    expect(assets.fetch).toHaveBeenCalledTimes(2);
  });

  it('refuses the HTML page the assets answer for a missing file, and does not cache the failure', async () => {
    await expect(loadFonts(fakeAssets({ missing: ['Amiri-Bold.ttf'] }).binding)).rejects.toThrow(
      /Amiri-Bold\.ttf.*not answer with a TrueType/,
    );
    const assets = fakeAssets();
    await expect(loadFonts(assets.binding)).resolves.toBeDefined();
    expect(assets.fetch).toHaveBeenCalledTimes(2);
  });

  it('reports an error status from the assets', async () => {
    const binding = { fetch: async () => new Response('nope', { status: 503 }) } as unknown as Fetcher;
    await expect(loadFonts(binding)).rejects.toThrow(/answered 503/);
  });
});

describe('the fonts themselves', () => {
  const faces = Object.entries(readCertificateFonts()).map(([face, bytes]) => [face, fontkit.create(bytes)] as const);

  it.each(faces)(
    '%s has a glyph (not .notdef) for every Arabic form we draw, ﷺ, and printable ASCII',
    (_face, font) => {
      const needed = [
        ...[...LETTER_FORMS.values()].flat(),
        ...[...LAM_ALEF_FORMS.values()].flat(),
        0xfdfa, // ﷺ
        0x0621, // hamza, which never joins
        0x0640, // tatweel
        ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i),
        0x2026, // … closes a cut line
        0x2013, // – in dates and ranges
      ];
      const missing = needed.filter(
        (codePoint) => codePoint !== undefined && font.glyphForCodePoint(codePoint).id === 0,
      );
      expect(missing.map((codePoint) => codePoint?.toString(16))).toEqual([]);
    },
  );

  it('are the pinned Amiri release, with its Open Font License beside them', () => {
    const release = join(import.meta.dirname, '../../../../node_modules/@expo-google-fonts/amiri');
    const served = readCertificateFonts();
    expect(sameBytes(served.regular, readFileSync(join(release, '400Regular/Amiri_400Regular.ttf')))).toBe(true);
    expect(sameBytes(served.bold, readFileSync(join(release, '700Bold/Amiri_700Bold.ttf')))).toBe(true);
    expect(readFileSync(join(CERTIFICATE_FONTS_DIR, 'OFL.txt'), 'utf8')).toMatch(/SIL Open Font License, Version 1\.1/);
    expect(Object.values(CERTIFICATE_FONT_FILES).sort()).toEqual(['Amiri-Bold.ttf', 'Amiri-Regular.ttf']);
  });
});
