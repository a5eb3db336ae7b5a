// npm run icons — the PWA's PNG icons from app/static/icons/icon.svg, drawn by Chromium (no image
// library needed). The PNGs are committed; run this again only when the SVG changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../tests/support/browser';
import { projectRoot } from './paths';

const dir = join(projectRoot, 'app/static/icons');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');

// "any" icons are rounded with a transparent corner; maskable and Apple ones are full-bleed squares
// (the platform cuts its own shape; the mark stays inside the 80% safe zone).
const icons = [
  { file: 'icon-192.png', size: 192, rounded: true },
  { file: 'icon-512.png', size: 512, rounded: true },
  { file: 'maskable-192.png', size: 192, rounded: false },
  { file: 'maskable-512.png', size: 512, rounded: false },
  { file: 'apple-touch-icon.png', size: 180, rounded: false },
];

const browser = await launchChromium();
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const radius = icon.rounded ? icon.size * 0.1875 : 0;
    await page.setContent(
      `<html><body style="margin:0;background:transparent">
        <div style="width:${icon.size}px;height:${icon.size}px;border-radius:${radius}px;overflow:hidden">${svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</div>
      </body></html>`,
    );
    await page.screenshot({ path: join(dir, icon.file), omitBackground: true });
    await page.close();
    console.log(`app/static/icons/${icon.file} (${icon.size}x${icon.size})`);
  }
} finally {
  await browser.close();
}
