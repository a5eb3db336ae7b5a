import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { launchChromium } from '../support/browser';
import { watchPolicyViolations } from '../support/csp-violations';
import { png1x1 } from '../support/media-fixtures';

const appUrl = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function call(path: string, init: { token?: string; body?: unknown } = {}) {
  const r = await fetch(appUrl + path, {
    method: init.body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  return (await r.json()) as any;
}

describe('the pages’ Content-Security-Policy in Chromium', () => {
  it('refuses a script injected into the page, and the violation is seen', async () => {
    const page = await browser.newPage();
    const violations = watchPolicyViolations(page);
    await page.goto(appUrl + '/sign-in');
    await page.getByLabel('Username or e-mail').waitFor();
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
      const r = await fetch(appUrl + '/api/upload', {
        method: 'POST',
        headers: { authorization: `Bearer ${teacher}` },
        body: form,
      });
      return ((await r.json()) as any)[0].url as string;
    };
    const page = await browser.newPage();
    const violations = watchPolicyViolations(page);
    await page.goto(appUrl + (await upload(png1x1(), 'cover.png')));
    expect(await page.evaluate(() => document.images[0]?.naturalWidth)).toBe(1);
    await page.goto(appUrl + (await upload(silentWav(), 'recitation.wav')));
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
