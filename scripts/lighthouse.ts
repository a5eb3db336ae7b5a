// npm run lighthouse — Lighthouse (mobile preset: simulated slow 4G, a mid-range phone's CPU) on the
// sign-in page and the learner home, three runs each on a fresh browser profile, median per category.
// `LIGHTHOUSE_PAGES=teacher` measures the teacher's editor pages instead (a demo course, its first
// lesson, and its quiz lesson); `LIGHTHOUSE_DESKTOP=1` uses Lighthouse's desktop preset.
// A measurement, not a test. Uses the same Chromium as the tests (Debian's, else @sparticuz/chromium).
// Starts the app (npm start) on a free port unless APP_URL names a running one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { freePort } from '../db/local/free-port';
import { findCourse, signInDemo } from '../tests/support/accounts';
import { findChromium } from '../tests/support/browser';
import { startApp } from '../tests/support/running-app';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const DESKTOP = process.env.LIGHTHOUSE_DESKTOP === '1';

const dataDir = mkdtempSync(join(tmpdir(), 'lms-lighthouse-'));
const app = process.env.APP_URL
  ? null
  : await startApp({ PORT: String(await freePort()), LMS_DATA_DIR: dataDir, DATABASE_URL: undefined });
const appUrl = process.env.APP_URL ?? app!.url;
const binary = await findChromium();

/** One Lighthouse run on a fresh profile; a session is placed in localStorage first, as after sign-in. */
async function run(url: string, session?: unknown): Promise<Record<string, number>> {
  const profile = mkdtempSync(join(tmpdir(), 'lms-lighthouse-profile-'));
  const chrome = await chromeLauncher.launch({
    chromePath: binary.executablePath,
    chromeFlags: ['--headless=new', ...binary.args],
    userDataDir: profile,
  });
  try {
    if (session) {
      // On a static file of the origin, so the app (and its service worker) is not loaded beforehand.
      const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
      const page = await cdp.contexts()[0]!.newPage();
      await page.goto(`${appUrl}/manifest.webmanifest`);
      await page.evaluate((value) => localStorage.setItem('lms.session', value), JSON.stringify(session));
      await page.close();
      await cdp.close();
    }
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        // Storage reset would also clear the session placed above.
        disableStorageReset: session !== undefined,
      },
      DESKTOP ? desktopConfig : undefined,
    );
    const categories = result!.lhr.categories;
    return Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]));
  } finally {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The editor pages of a demo course of teacher.amina's. */
async function teacherPages() {
  const session = await signInDemo(appUrl, 'teacher.amina');
  const course = await findCourse(appUrl, 'Reading Juz ‘Amma with Tajweed');
  const lessons = course.lessons as { documentId: string; type?: string }[];
  const quiz = lessons.find((l) => l.type === 'quiz') ?? lessons.at(-1)!;
  return [
    { name: 'my courses', url: `${appUrl}/teach/courses`, session },
    { name: 'course editor', url: `${appUrl}/teach/courses/${course.documentId}`, session },
    { name: 'lesson editor', url: `${appUrl}/teach/lessons/${lessons[0]!.documentId}`, session },
    { name: 'quiz builder', url: `${appUrl}/teach/lessons/${quiz.documentId}`, session },
  ];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  const pages =
    process.env.LIGHTHOUSE_PAGES === 'teacher'
      ? await teacherPages()
      : [
          { name: 'sign-in', url: `${appUrl}/sign-in`, session: undefined },
          { name: 'learner home', url: `${appUrl}/learn`, session: await signInDemo(appUrl, 'zaid') },
        ];
  console.log(`Lighthouse (${DESKTOP ? 'desktop' : 'mobile'}), ${RUNS} runs per page, Chromium: ${binary.source}`);
  for (const page of pages) {
    const runs: Record<string, number>[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(page.url, page.session));
    const summary = CATEGORIES.map(
      (c) => `${c} ${median(runs.map((r) => r[c]!))} (${runs.map((r) => r[c]).join(', ')})`,
    );
    console.log(`${page.name.padEnd(14)} ${summary.join('  ')}`);
  }
} finally {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
