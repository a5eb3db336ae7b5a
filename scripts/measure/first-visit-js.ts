// The JavaScript a page costs on a first visit: every script the page itself requests (lazy chunks
// included) until the network is idle, on an empty cache, sized as gzip -9 of the bytes received.
// The service worker's script and what it precaches in the background are reported apart: they do not
// run on the page and do not delay it.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

export interface ScriptCost {
  url: string;
  bytes: number;
  gzip: number;
}

export interface FirstVisit {
  scripts: ScriptCost[];
  totalGzip: number;
}

export async function measureFirstVisitJs(
  browser: Browser,
  url: string,
  options: { session?: unknown; locale?: string } = {},
): Promise<FirstVisit> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: options.locale ?? 'en' });
  if (options.session) {
    await context.addInitScript((value) => localStorage.setItem('lms.session', value), JSON.stringify(options.session));
  }
  const page = await context.newPage();
  const pending: Promise<ScriptCost | null>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      response
        .body()
        .then((body) => ({
          url: new URL(response.url()).pathname,
          bytes: body.length,
          gzip: gzipSync(body, { level: 9 }).length,
        }))
        .catch(() => null),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  // Lazy chunks a page starts on idle (after `load`) count too.
  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  const scripts = (await Promise.all(pending)).filter((s): s is ScriptCost => s !== null);
  await context.close();
  return { scripts, totalGzip: scripts.reduce((n, s) => n + s.gzip, 0) };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
