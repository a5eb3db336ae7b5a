import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../db/local/free-port';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { createScratchDatabase } from '../support/scratch-database';
import { startApp, type RunningApp } from '../support/running-app';

const CHROMIUM = '/usr/bin/chromium';
// Debian's Chromium, never a downloaded one; the flags keep it off the network this machine lacks.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const dataDir = mkdtempSync(join(tmpdir(), 'lms-e2e-browser-'));
let app: RunningApp;
let browser: Browser;
let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  let databaseUrl: string | undefined;
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL);
    databaseUrl = scratch.databaseUrl;
    dropDatabase = scratch.drop;
  }
  app = await startApp({ PORT: String(await freePort()), LMS_DATA_DIR: dataDir, DATABASE_URL: databaseUrl });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await dropDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('signing in through the PWA in Chromium', () => {
  it('a parent types their username and password and sees who they are', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(app.url + '/login');
    await page.getByLabel(/username or email/i).fill('parent.fatima');
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('whoami').textContent(), { timeout: 15_000 }).toBe('parent.fatima');
    expect(await page.getByTestId('role').getAttribute('data-role')).toBe('parent');
    await page.close();
  });

  it('a wrong password shows the API’s message and keeps the user on the form', async () => {
    const page = await browser.newPage();
    await page.goto(app.url + '/login');
    await page.getByLabel(/username or email/i).fill('zaid');
    await page.getByLabel("Password", { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('Invalid identifier or password');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });
});
