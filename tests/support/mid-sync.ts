// A page closed while its outbox is sending, made deterministic for browser tests.
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Goes back online and closes the page mid-sync: the request matching `url` reaches the server, which
 * records it, but its answer is held until the page is gone (as when a phone's app is closed while
 * sending). The page closes only once the server has answered, so the test never depends on timing.
 */
export async function closeMidSync(context: BrowserContext, page: Page, url: string): Promise<void> {
  let recorded!: () => void;
  const serverHasIt = new Promise<void>((resolve) => (recorded = resolve));
  await context.route(url, async (route) => {
    await route.fetch();
    recorded();
  });
  await context.setOffline(false);
  await serverHasIt;
  await page.close();
  await context.unrouteAll({ behavior: 'ignoreErrors' });
}
