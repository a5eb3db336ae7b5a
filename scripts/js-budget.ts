// npm run js-budget — first-visit JavaScript (gzip) of the sign-in page and the learner home, measured in
// Chromium from the page's network log, against the budget of 60 KB for the learner home. Starts the app
// (npm start) on a free port unless APP_URL names a running one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort } from '../db/local/free-port';
import { signInDemo } from '../tests/support/accounts';
import { launchChromium } from '../tests/support/browser';
import { startApp } from '../tests/support/running-app';
import { kb, measureFirstVisitJs } from './measure/first-visit-js';
import { projectRoot } from './paths';

const BUDGET = 60 * 1024;

const dataDir = mkdtempSync(join(tmpdir(), 'lms-js-budget-'));
const app = process.env.APP_URL
  ? null
  : await startApp({ PORT: String(await freePort()), LMS_DATA_DIR: dataDir, DATABASE_URL: undefined });
const appUrl = process.env.APP_URL ?? app!.url;
const browser = await launchChromium();
let over = false;
try {
  const pages = [
    { name: 'sign-in', url: `${appUrl}/sign-in`, session: undefined, budget: BUDGET },
    { name: 'learner home', url: `${appUrl}/learn`, session: await signInDemo(appUrl, 'zaid'), budget: BUDGET },
  ];
  for (const page of pages) {
    const visit = await measureFirstVisitJs(browser, page.url, { session: page.session });
    console.log(`\n${page.name}: ${kb(visit.totalGzip)} of JavaScript (gzip) in ${visit.scripts.length} files`);
    for (const s of [...visit.scripts].sort((a, b) => b.gzip - a.gzip)) {
      console.log(`  ${kb(s.gzip).padStart(9)}  ${s.url}`);
    }
    if (visit.totalGzip > page.budget) {
      over = true;
      console.log(`  OVER the budget of ${kb(page.budget)}`);
    }
  }
  const worker = readFileSync(join(projectRoot, 'app/build/service-worker.js'));
  console.log(
    `\nservice worker (installs after load, off the page): ${kb(gzipSync(worker, { level: 9 }).length)} gzip`,
  );
} finally {
  await browser.close();
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(over ? 1 : 0);
