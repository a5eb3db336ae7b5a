import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../db/local/free-port';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { watchPolicyViolations } from '../support/csp-violations';
import { png1x1 } from '../support/media-fixtures';
import { createScratchDatabase } from '../support/scratch-database';
import { startApp, type RunningApp } from '../support/running-app';

const CHROMIUM = '/usr/bin/chromium';
// Debian's Chromium, never a downloaded one; the flags keep it off the network this machine lacks.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

async function call(path: string, init: { token?: string; body?: unknown } = {}) {
  const r = await fetch(app.url + path, {
    method: init.body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return (await r.json()) as any;
}

describe('the public certificate page', () => {
  it('shows the name, course and date for a real code, and says so for a wrong one', async () => {
    const zaid = (await call('/api/auth/local', { body: { identifier: 'zaid', password: DEMO_PASSWORD } })).jwt;
    const course = (await call('/api/courses?filters[title][$eq]=Aqeedah%20for%20Young%20Muslims&populate=lessons'))
      .data[0];
    const events = course.lessons.map((l: any) => ({
      eventId: crypto.randomUUID(),
      lesson: l.documentId,
      completed: true,
      timeSpent: 60,
    }));
    await call('/api/user-progresses/batch', { token: zaid, body: { data: events } });
    const certificate = (await call('/api/certificates', { token: zaid })).data[0];
    const page = await browser.newPage();
    const violations = watchPolicyViolations(page);
    await page.goto(`${app.url}/verify/${certificate.verificationCode}`);
    await expect.poll(() => page.getByTestId('name').textContent(), { timeout: 15_000 }).toBe('Zaid Hassan');
    expect(await page.getByTestId('course').textContent()).toBe('Aqeedah for Young Muslims');
    await page.goto(`${app.url}/verify/abcdefghijklmnopqrstuvwxyz123456`);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('No certificate');
    expect(violations()).toEqual([]);
    await page.close();
  });
});

describe('signing in through the PWA in Chromium', () => {
  it('a parent types their username and password and sees who they are', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const violations = watchPolicyViolations(page);
    await page.goto(app.url + '/login');
    await page.getByLabel(/username or email/i).fill('parent.fatima');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('whoami').textContent(), { timeout: 15_000 }).toBe('parent.fatima');
    expect(await page.getByTestId('role').getAttribute('data-role')).toBe('parent');
    // The app ran under its Content-Security-Policy and Permissions-Policy without a single refusal.
    expect(violations()).toEqual([]);
    await page.close();
  });

  it('a wrong password shows the API’s message and keeps the user on the form', async () => {
    const page = await browser.newPage();
    const violations = watchPolicyViolations(page);
    await page.goto(app.url + '/login');
    await page.getByLabel(/username or email/i).fill('zaid');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('Invalid identifier or password');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(violations()).toEqual([]);
    await page.close();
  });
});

describe('the pages’ Content-Security-Policy in Chromium', () => {
  it('refuses a script injected into the page, and the violation is seen', async () => {
    const page = await browser.newPage();
    const violations = watchPolicyViolations(page);
    await page.goto(app.url + '/login');
    await page.getByLabel(/username or email/i).waitFor();
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations().join('\n'), { timeout: 5_000 }).toContain('script-src');
    await page.close();
  });

  it('an uploaded image and recording open on their own under their sandbox, and show or play', async () => {
    const teacher = (await call('/api/auth/local', { body: { identifier: 'teacher.amina', password: DEMO_PASSWORD } }))
      .jwt;
    const upload = async (bytes: Uint8Array<ArrayBuffer>, name: string) => {
      const form = new FormData();
      form.append('files', new Blob([bytes]), name);
      const r = await fetch(app.url + '/api/upload', {
        method: 'POST',
        headers: { authorization: `Bearer ${teacher}` },
        body: form,
      });
      return ((await r.json()) as any)[0].url as string;
    };
    const page = await browser.newPage();
    const violations = watchPolicyViolations(page);
    await page.goto(app.url + (await upload(png1x1(), 'cover.png')));
    expect(await page.evaluate(() => document.images[0]?.naturalWidth)).toBe(1);
    await page.goto(app.url + (await upload(silentWav(), 'recitation.wav')));
    await expect
      .poll(() => page.evaluate(() => document.querySelector<HTMLMediaElement>('video, audio')?.readyState ?? 0))
      .toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelector<HTMLMediaElement>('video, audio')?.error)).toBeNull();
    expect(violations()).toEqual([]);
    await page.close();
  });
});

/** One second of silence: a playable WAV (PCM, 8 kHz, 8 bits, mono). */
function silentWav(): Uint8Array<ArrayBuffer> {
  const samples = 8000;
  const view = new DataView(new ArrayBuffer(44 + samples));
  const text = (offset: number, s: string) => [...s].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, samples, true);
  const bytes = new Uint8Array(view.buffer);
  bytes.fill(128, 44);
  return bytes;
}
