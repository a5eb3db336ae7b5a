/** The TrueType bytes the certificate is set in: Amiri, which draws Arabic and Latin in one design. */
export interface CertificateFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

/** Files in app/static/fonts/, served as static assets, so ~800 KB of font never enters the worker bundle. */
export const CERTIFICATE_FONT_FILES: Readonly<Record<keyof CertificateFonts, string>> = {
  regular: 'Amiri-Regular.ttf',
  bold: 'Amiri-Bold.ttf',
};

/** The assets binding answers by path alone; the host only makes the URL absolute. */
const FONTS_URL = 'https://assets.local/fonts/';

/**
 * Bytes kept for the isolate's lifetime: fonts never change within a deployment. The bytes are kept,
 * not the pending fetch, because Workers ties I/O to the request that started it: a second request
 * awaiting the first one's fetch could fail or hang if the first request ends early.
 */
let cachedFonts: CertificateFonts | undefined;

export async function loadCertificateFonts(assets: Fetcher): Promise<CertificateFonts> {
  if (cachedFonts) return cachedFonts;
  const [regular, bold] = await Promise.all([
    fetchFont(assets, CERTIFICATE_FONT_FILES.regular),
    fetchFont(assets, CERTIFICATE_FONT_FILES.bold),
  ]);
  cachedFonts = { regular, bold };
  return cachedFonts;
}

async function fetchFont(assets: Fetcher, file: string): Promise<Uint8Array> {
  const response = await assets.fetch(new Request(FONTS_URL + file));
  if (!response.ok) throw new Error(`certificate font ${file}: the assets answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Assets answer an unknown path with the PWA's index.html and a 200 (single-page-application
  // fallback), so a font missing from the build shows up here as HTML rather than as a 404.
  if (!isSfnt(bytes))
    throw new Error(
      `certificate font ${file}: the assets did not answer with a TrueType/OpenType font (is it in app/build/fonts/?)`,
    );
  return bytes;
}

/** The sfnt version tags of TrueType (0x00010000, 'true') and OpenType/CFF ('OTTO') files. */
function isSfnt(bytes: Uint8Array): boolean {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  return tag === '\u0000\u0001\u0000\u0000' || tag === 'true' || tag === 'OTTO';
}
