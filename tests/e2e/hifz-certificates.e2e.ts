// A child completes Juz 'Amma in a sitting: the certificate shows, named by what was memorised, on their
// achievements page (English and Arabic), on their parent's family page and on the public verification page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInDemo, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
const PASSWORD = 'a-long-test-password';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function call(path: string, token: string | null, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(appUrl + path, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json = (await res.json().catch(() => null)) as any;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const signIn = (identifier: string): Promise<SignedIn> =>
  call('/api/auth/local', null, { body: { identifier, password: PASSWORD } });

/** A parent and their child, heard by teacher.amina, who recites An-Naba and so completes Juz 'Amma. */
async function childWithJuzAmma() {
  const admin = (await signInDemo(appUrl, 'admin')).jwt;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const parent = await call('/api/users', admin, {
    body: { username: `cparent${tag}`, email: `cparent${tag}@example.test`, password: PASSWORD, role: 'parent' },
  });
  const child = await call('/api/users', admin, {
    body: {
      username: `cchild${tag}`,
      password: PASSWORD,
      role: 'student',
      fullName: 'Ruqayya',
      parent: parent.documentId,
    },
  });
  const teacher = (await signInDemo(appUrl, 'teacher.amina')).jwt;
  const plan = { direction: 'reverse', start: '78:1', newAmount: 5, newUnit: 'ayahs', sabqiDays: 7 };
  await call(`/api/hifz/plans/${child.documentId}`, teacher, {
    method: 'PUT',
    body: { data: { ...plan, manzilAmount: 1, manzilUnit: 'juz' } },
  });
  const check = { clientId: crypto.randomUUID(), kind: 'sabaq', range: '78', grade: 'excellent', mistakes: [] };
  await call('/api/hifz/sessions', teacher, {
    body: {
      data: {
        clientId: crypto.randomUUID(),
        student: child.documentId,
        heldOn: '2026-11-20',
        recordedAt: '2026-11-20T16:05:00+03:00',
        checks: [check],
      },
    },
  });
  return { parent: await signIn(parent.username), child: await signIn(child.username) };
}

async function open(context: BrowserContext, path: string, ready: (page: Page) => Promise<unknown>) {
  const page = await context.newPage();
  await page.goto(appUrl + path);
  await ready(page);
  return page;
}

describe('a hifz milestone certificate in the app', () => {
  it(
    'shows as "Juz 30 (Juz \'Amma)" to the child (en, ar), to the parent and on the verification page',
    { timeout: 120_000 },
    async () => {
      const { parent, child } = await childWithJuzAmma();

      for (const [locale, title] of [
        ['en', "Juz 30 (Juz 'Amma)"],
        ['ar', 'جزء عمّ'],
      ] as const) {
        const context = await browser.newContext({ viewport: PHONE, locale });
        await useSession(context, child, locale);
        const page = await open(context, '/learn/achievements', (p) => p.getByTestId('certificate').waitFor());
        expect(await page.getByTestId('certificate').locator('h3').textContent()).toContain(title);
        await expectNoAxeViolations(page, `achievements with a milestone certificate (${locale})`);
        await screenshot(page, `achievements-milestone-certificate.${locale}.phone`);
        await context.close();
      }

      const family = await browser.newContext({ viewport: PHONE, locale: 'en' });
      await useSession(family, parent, 'en');
      const page = await open(family, '/family', (p) => p.getByTestId('child-view').waitFor());
      const item = page.locator('#child-certificates + ul li');
      await item.first().waitFor({ timeout: 15_000 });
      expect(await item.first().locator('.title').textContent()).toBe("Juz 30 (Juz 'Amma)");
      await expectNoAxeViolations(page, 'family with a milestone certificate');
      await family.close();

      const [certificate] = (await call('/api/certificates', child.jwt)).data;
      const visitor = await browser.newPage();
      await visitor.goto(`${appUrl}/verify/${certificate.verificationCode}`);
      await expect.poll(() => visitor.getByTestId('name').textContent(), { timeout: 15_000 }).toBe('Ruqayya');
      expect(await visitor.getByTestId('milestone').textContent()).toBe("Juz 30 (Juz 'Amma)");
      expect(await visitor.getByTestId('course').count()).toBe(0);
      await expectNoAxeViolations(visitor, 'verification of a milestone certificate');
      await visitor.close();
    },
  );
});
