// The fallback browser works: on a machine without Debian's Chromium, `npm test` uses the one shipped in
// the npm package @sparticuz/chromium. Run the whole suite on it with LMS_CHROMIUM=npm.
import { chromium } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { npmChromium } from '../support/browser';

const appUrl = inject('appUrl');

describe('the Chromium from the npm registry', () => {
  it('launches, renders the app and runs its service worker', async () => {
    const binary = await npmChromium();
    const browser = await chromium.launch({ executablePath: binary.executablePath, args: binary.args });
    try {
      const page = await browser.newPage();
      await page.goto(appUrl + '/sign-in');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
