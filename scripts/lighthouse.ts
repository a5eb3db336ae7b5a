// npm run lighthouse — Lighthouse on the app's pages, three runs each on a fresh browser profile, median per
// category. `LIGHTHOUSE_PAGES` picks groups (comma-separated, default `learner`; `all` for every group):
// `learner` and `family` are measured with the mobile preset (simulated slow 4G, a mid-range phone's CPU),
// `teacher` (the editor), `monitor` (progress, reports, hifz class) and `admin` with the desktop preset, as
// their users sit at a desktop. `LIGHTHOUSE_DESKTOP=1` forces the desktop preset for every group.
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
const FORCE_DESKTOP = process.env.LIGHTHOUSE_DESKTOP === '1';
/** LIGHTHOUSE_DETAILS=1: after each run, the audits that cost points (and a failed run's error). */
const DETAILS = process.env.LIGHTHOUSE_DETAILS === '1';

const dataDir = mkdtempSync(join(tmpdir(), 'lms-lighthouse-'));
const app = process.env.APP_URL
  ? null
  : await startApp({ PORT: String(await freePort()), LMS_DATA_DIR: dataDir, DATABASE_URL: undefined });
const appUrl = process.env.APP_URL ?? app!.url;
const binary = await findChromium();

/** One Lighthouse run on a fresh profile; a session is placed in localStorage first, as after sign-in. */
async function run(url: string, desktop: boolean, session?: unknown): Promise<Record<string, number>> {
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
      desktop ? desktopConfig : undefined,
    );
    const lhr = result!.lhr;
    const categories = lhr.categories;
    if (DETAILS) {
      if (lhr.runtimeError) console.log(`    run failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      for (const audit of Object.values(lhr.audits)) {
        if (audit.score === null || audit.score >= 0.9 || audit.scoreDisplayMode === 'informative') continue;
        console.log(`    ${audit.id} ${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
      // The audit's details: a list of tables, the first naming the element ({ node: { snippet } }).
      const lcp = lhr.audits['largest-contentful-paint-element']?.details as
        { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined;
      console.log(`    LCP element: ${lcp?.items?.[0]?.items?.[0]?.node?.snippet ?? '?'}`);
    }
    return Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)]));
  } finally {
    chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
}

interface Measured {
  name: string;
  url: string;
  session?: unknown;
}
type Group = { desktop: boolean; pages: () => Promise<Measured[]> };

const groups: Record<string, Group> = {
  learner: {
    desktop: false,
    async pages() {
      const session = await signInDemo(appUrl, 'zaid');
      const course = await findCourse(appUrl, 'Reading Juz ‘Amma with Tajweed');
      const lesson = (course.lessons as { documentId: string }[])[0]!;
      return [
        { name: 'sign-in', url: `${appUrl}/sign-in` },
        { name: 'learner home', url: `${appUrl}/learn`, session },
        { name: 'catalog', url: `${appUrl}/learn/courses`, session },
        { name: 'course', url: `${appUrl}/learn/courses/${course.documentId}`, session },
        { name: 'lesson', url: `${appUrl}/learn/lessons/${lesson.documentId}`, session },
        { name: 'achievements', url: `${appUrl}/learn/achievements`, session },
        { name: 'downloads', url: `${appUrl}/learn/downloads`, session },
        { name: 'learner hifz', url: `${appUrl}/learn/hifz`, session },
      ];
    },
  },
  family: {
    desktop: false,
    async pages() {
      const session = await signInDemo(appUrl, 'parent.fatima');
      return [
        { name: 'family', url: `${appUrl}/family`, session },
        { name: 'family hifz', url: `${appUrl}/family/hifz`, session },
        { name: 'pair a child', url: `${appUrl}/family/pair`, session },
        { name: 'add a child', url: `${appUrl}/family/add-child`, session },
      ];
    },
  },
  teacher: {
    desktop: true,
    async pages() {
      // The editor pages of a demo course of teacher.amina's.
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
    },
  },
  monitor: {
    desktop: true,
    async pages() {
      const session = await signInDemo(appUrl, 'teacher.amina');
      const course = await findCourse(appUrl, 'Reading Juz ‘Amma with Tajweed');
      const reports = ['completion', 'engagement', 'quizzes', 'popularity', 'retention'];
      return [
        { name: 'teaching home', url: `${appUrl}/teach`, session },
        { name: 'progress grid', url: `${appUrl}/teach/progress/${course.documentId}`, session },
        { name: 'reports', url: `${appUrl}/teach/analytics`, session },
        ...reports.map((r) => ({ name: `report ${r}`, url: `${appUrl}/teach/analytics/${r}`, session })),
        { name: 'students', url: `${appUrl}/teach/students`, session },
        { name: 'hifz class', url: `${appUrl}/teach/hifz`, session },
      ];
    },
  },
  admin: {
    desktop: true,
    async pages() {
      const session = await signInDemo(appUrl, 'admin');
      const names = ['users', 'users/new', 'instructors', 'achievements', 'settings', 'activity', 'system'];
      return [
        { name: 'admin home', url: `${appUrl}/admin`, session },
        ...names.map((n) => ({ name: `admin ${n}`, url: `${appUrl}/admin/${n}`, session })),
      ];
    },
  },
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

try {
  const asked = (process.env.LIGHTHOUSE_PAGES ?? 'learner').split(',').map((g) => g.trim());
  const chosen = asked.includes('all') ? Object.keys(groups) : asked;
  const unknown = chosen.filter((g) => !Object.hasOwn(groups, g));
  if (unknown.length) throw new Error(`LIGHTHOUSE_PAGES: no group ${unknown.join(', ')} (${Object.keys(groups)})`);
  console.log(`Lighthouse, ${RUNS} runs per page, median (each run), Chromium: ${binary.source}`);
  for (const name of chosen) {
    const group = groups[name]!;
    const desktop = FORCE_DESKTOP || group.desktop;
    console.log(`-- ${name} (${desktop ? 'desktop' : 'mobile'} preset)`);
    const only = process.env.LIGHTHOUSE_ONLY; // a page name contains it, e.g. LIGHTHOUSE_ONLY=hifz
    for (const page of (await group.pages()).filter((p) => !only || p.name.includes(only))) {
      const runs: Record<string, number>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await run(page.url, desktop, page.session));
      const summary = CATEGORIES.map(
        (c) => `${c} ${median(runs.map((r) => r[c]!))} (${runs.map((r) => r[c]).join(', ')})`,
      );
      console.log(`${page.name.padEnd(20)} ${summary.join('  ')}`);
    }
  }
} finally {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
