import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { signInDemo, useSession } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { watchPolicyViolations } from '../support/csp-violations';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

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

async function signInWithForm(page: Page, identifier: string, password: string) {
  await page.getByLabel('Username or e-mail').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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
    await page.goto(`${appUrl}/verify/${certificate.verificationCode}`);
    await expect.poll(() => page.getByTestId('name').textContent(), { timeout: 15_000 }).toBe('Zaid Hassan');
    expect(await page.getByTestId('course').textContent()).toBe('Aqeedah for Young Muslims');
    await expectNoAxeViolations(page, 'certificate verification');
    await page.goto(`${appUrl}/verify/abcdefghijklmnopqrstuvwxyz123456`);
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('No certificate');
    // The pages ran under their Content-Security-Policy and Permissions-Policy without a single refusal.
    expect(violations()).toEqual([]);
    await page.close();
  });
});

describe('signing in through the PWA in Chromium', () => {
  it('a parent types their username and password and lands on the family page', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    const violations = watchPolicyViolations(page);
    await page.goto(appUrl + '/login');
    await page.waitForURL(`${appUrl}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoAxeViolations(page, 'sign-in');
    await screenshot(page, 'sign-in.en.phone');
    await signInWithForm(page, 'parent.fatima', DEMO_PASSWORD);
    await expect.poll(() => page.getByTestId('whoami').textContent(), { timeout: 15_000 }).toBe('parent.fatima');
    expect(await page.getByTestId('role').getAttribute('data-role')).toBe('parent');
    expect(new URL(page.url()).pathname).toBe('/family');
    await expect.poll(() => page.getByTestId('child-choice').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    await expectNoAxeViolations(page, 'family home');
    await screenshot(page, 'family-home.en.phone');
    expect(violations()).toEqual([]);
    await page.close();
  });

  it('a wrong password shows a clear message and keeps the user on the form', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl + '/sign-in');
    await signInWithForm(page, 'zaid', 'not-the-password');
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('Invalid identifier or password');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByLabel('Username or e-mail').inputValue()).toBe('zaid');
    await expectNoAxeViolations(page, 'sign-in with an error');
    await page.close();
  });

  it('a signed-out visitor is sent to sign-in and, once signed in, back to the page they asked for', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl + '/learn/account');
    await page.waitForURL(/\/sign-in\?next=/);
    await signInWithForm(page, 'maryam', DEMO_PASSWORD);
    await page.waitForURL(`${appUrl}/learn/account`);
    await page.close();
  });

  it('sends each role from / to its home, and away from another role’s pages', async () => {
    const homes = { zaid: '/learn', 'parent.fatima': '/family', 'teacher.amina': '/teach', admin: '/admin' };
    for (const [username, home] of Object.entries(homes)) {
      const context = await browser.newContext({ viewport: DESKTOP });
      await useSession(context, await signInDemo(appUrl, username));
      const page = await context.newPage();
      await page.goto(appUrl + '/');
      await page.waitForURL(appUrl + home);
      await page.goto(appUrl + (home === '/learn' ? '/family' : '/learn'));
      await page.waitForURL(appUrl + home);
      await page.locator('h1').first().waitFor();
      await expectNoAxeViolations(page, `${username} home`);
      await screenshot(page, `${home.slice(1)}-home.en.desktop`);
      await context.close();
    }
    const anonymous = await browser.newPage();
    await anonymous.goto(appUrl + '/');
    await anonymous.waitForURL(`${appUrl}/sign-in`);
    await anonymous.close();
  });
});

describe('signing up', () => {
  it('a new student creates an account and lands on the learner home', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(appUrl + '/sign-in');
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await expectNoAxeViolations(page, 'sign-up');
    await screenshot(page, 'sign-up.en.phone');
    const username = `newkid${Date.now().toString(36)}`;
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('E-mail').fill(`${username}@example.test`);
    await page.getByLabel('Password').fill('a-good-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${appUrl}/learn`);
    expect(await page.getByTestId('whoami').textContent()).toBe(username);
    await page.getByText('You are not enrolled in a course yet.').waitFor();

    // The same name again: the API's refusal is shown as it says it.
    const again = await browser.newPage();
    await again.goto(appUrl + '/sign-up');
    await again.getByLabel('Username').fill(username);
    await again.getByLabel('E-mail').fill(`other-${username}@example.test`);
    await again.getByLabel('Password').fill('a-good-long-password');
    await again.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => again.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/already|taken/i);
    await again.close();
    await page.close();
  });

  it('puts the API’s field errors next to their field', async () => {
    const page = await browser.newPage();
    await page.goto(appUrl + '/sign-up');
    await page.getByLabel('Username').fill('has spaces!');
    await page.getByLabel('E-mail').fill('spaces@example.test');
    await page.getByLabel('Password').fill('a-good-long-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    const username = page.getByLabel('Username');
    await expect.poll(() => username.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
    const describedBy = (await username.getAttribute('aria-describedby')) ?? '';
    const error = page.locator(`[id="${describedBy.split(' ').pop()}"]`);
    expect(await error.textContent()).toContain('username may contain');
    await expectNoAxeViolations(page, 'sign-up with a field error');
    await page.close();
  });
});

describe('the session', () => {
  it('refreshes an expired access token once and carries on, keeping the rotated tokens', async () => {
    const signedIn = await signInDemo(appUrl, 'maryam');
    const context = await browser.newContext();
    // A token the server refuses (as an expired one is), with a refresh token that is still good.
    await useSession(context, { ...signedIn, jwt: `${signedIn.jwt.slice(0, -4)}AAAA` });
    const page = await context.newPage();
    const refreshes: number[] = [];
    page.on('response', (r) => r.url().endsWith('/api/auth/refresh') && refreshes.push(r.status()));
    await page.goto(appUrl + '/learn');
    await page.getByRole('heading', { name: 'My courses' }).waitFor();
    await expect
      .poll(() => page.getByText('You are not enrolled').or(page.getByTestId('course-card').first()).count())
      .toBeGreaterThan(0);
    expect(refreshes).toEqual([200]);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('lms.session')!));
    expect(stored.refreshToken).not.toBe(signedIn.refreshToken);
    expect(stored.user.username).toBe('maryam');
    await context.close();
  });

  it('signing out in one tab signs the other tab out too', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(appUrl + '/sign-in');
    await signInWithForm(first, 'maryam', DEMO_PASSWORD);
    await first.waitForURL(`${appUrl}/learn`);
    const second = await context.newPage();
    await second.goto(appUrl + '/learn/account');
    await second.getByTestId('sign-out').click();
    await second.waitForURL(`${appUrl}/sign-in`);
    await first.waitForURL(`${appUrl}/sign-in`);
    await context.close();
  });
});
