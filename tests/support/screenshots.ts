// Screenshots of pages, kept as test artifacts under test-results/screenshots/ (ignored by git).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from '../../scripts/paths';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

const dir = join(projectRoot, 'test-results/screenshots');

/** Saves `<name>.png`; names read like `learner-home.ar.phone`. Fonts are awaited so Arabic is final. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
