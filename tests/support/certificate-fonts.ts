import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CERTIFICATE_FONT_FILES, type CertificateFonts } from '../../worker/services/certificates/pdf/fonts';

/** The certificate fonts as the static assets serve them, read from app/static for tests under Node. */
export const CERTIFICATE_FONTS_DIR = join(import.meta.dirname, '../../app/static/fonts');

export function readCertificateFonts(): CertificateFonts {
  const read = (file: string) => new Uint8Array(readFileSync(join(CERTIFICATE_FONTS_DIR, file)));
  return { regular: read(CERTIFICATE_FONT_FILES.regular), bold: read(CERTIFICATE_FONT_FILES.bold) };
}
