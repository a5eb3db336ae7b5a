import { describe, expect, it } from 'vitest';
import { loadCertificateFonts } from '../../worker/services/certificates/pdf/fonts';
import { baseUrl } from '../support/api';
import { readCertificateFonts } from '../support/certificate-fonts';

/** The running worker's static assets, seen through the same Fetcher shape as env.ASSETS. */
const servedAssets = {
  fetch: (request: Request) => fetch(baseUrl() + new URL(request.url).pathname),
} as unknown as Fetcher;

describe('the certificate fonts as Cloudflare serves them', () => {
  it('are in the built PWA (app/build/fonts) and load as fonts, not as the SPA fallback page', async () => {
    const fonts = await loadCertificateFonts(servedAssets);
    const onDisk = readCertificateFonts();
    expect(Buffer.compare(fonts.regular, onDisk.regular)).toBe(0);
    expect(Buffer.compare(fonts.bold, onDisk.bold)).toBe(0);
  });

  it('ship with their licence', async () => {
    const response = await fetch(`${baseUrl()}/fonts/OFL.txt`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/SIL Open Font License/);
  });
});
