// /admin in Chromium, clicked as the school's admin would: accounts for a family, a password reset that the
// user finishes at sign-in, the activity log naming the admin, registration closed, criteria that cannot
// be saved invalid; and every admin page in both languages on both screens (axe, screenshots).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInDemo, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
let browser: Browser;
let admin: SignedIn;

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function call(method: string, path: string, body?: unknown, token = admin.jwt) {
  const res = await fetch(appUrl + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as any };
}

/** An account made by the admin through the API (the UI's own creation is tested below). */
async function newAccount(role: 'parent' | 'student', password = 'a-long-test-password') {
  const username = unique(role);
  const { json } = await call('POST', '/api/admin/users', { username, password, role, fullName: `Test ${username}` });
  return { username, password, documentId: json.data.documentId as string };
}

async function adminPage(locale = 'en', viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale });
  await useSession(context, admin, locale);
  const page = await context.newPage();
  // Resets and deletions ask first; the admin says yes.
  page.on('dialog', (dialog) => void dialog.accept());
  return { context, page };
}

beforeAll(async () => {
  browser = await launchChromium();
  admin = await signInDemo(appUrl, 'admin');
});

afterAll(async () => {
  // Other test files register learners: never leave registration closed behind.
  if (admin) await call('PUT', '/api/school-settings/registration', { data: { open: true } });
  await browser?.close();
});

describe('an admin manages a family', () => {
  it('creates a child without e-mail, links a parent, and the parent sees the child', async () => {
    const parent = await newAccount('parent');
    const child = unique('kid');
    // The family page shows a child by first name: a unique one tells this child from any other.
    const firstName = unique('Hamza');
    const { context, page } = await adminPage();
    await page.goto(`${appUrl}/admin/users/new`);
    await page.getByLabel('Full name').fill(`${firstName} Ali`);
    await page.getByLabel('Username', { exact: true }).fill(child);
    await page.getByLabel('Password', { exact: true }).fill('bismillah-2026');
    await page.getByLabel('Age group').selectOption('children');
    await expectNoAxeViolations(page, 'new account form');
    await page.getByRole('button', { name: 'Create account' }).click();

    // The new account's page: no e-mail, a student, no parent yet.
    await page.getByRole('heading', { level: 1, name: `${firstName} Ali` }).waitFor();
    await expect.poll(() => page.locator('main header').textContent()).toContain('No e-mail');
    await page.getByLabel('Link a parent (username)').fill(parent.username);
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByTestId('family-members').getByRole('link', { name: parent.username }).waitFor();
    await expectNoAxeViolations(page, 'account page with a family');
    await context.close();

    // The parent, signed in, finds the child on the family page.
    const parentSession = await call('POST', '/api/auth/local', {
      identifier: parent.username,
      password: parent.password,
    });
    const family = await browser.newContext({ viewport: PHONE });
    await useSession(family, parentSession.json);
    const parentPage = await family.newPage();
    await parentPage.goto(`${appUrl}/family`);
    await expect
      .poll(() => parentPage.getByTestId('child-view').allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringContaining(firstName)]);
    await family.close();

    // Every write of the admin is in the log, with the admin as its author.
    const log = await adminPage();
    await log.page.goto(`${appUrl}/admin/activity`);
    await log.page.getByLabel('Who (username)').fill('admin');
    const childId = (await call('GET', `/api/admin/users?q=${child}`)).json.data[0].documentId;
    await log.page.getByLabel('Words').fill(childId);
    await log.page.getByRole('button', { name: 'Search' }).click();
    const rows = log.page.getByTestId('activity-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    const texts = await rows.allTextContents();
    expect(texts.some((t) => t.includes('Created') && t.includes('Account') && t.includes('admin'))).toBe(true);
    expect(texts.some((t) => t.includes('Linked') && t.includes('Family link') && t.includes('admin'))).toBe(true);
    await expectNoAxeViolations(log.page, 'activity log, searched');
    await log.context.close();
  });
});

describe('an admin resets a password', () => {
  it('makes the user choose a new one at sign-in, then lets them in', async () => {
    const student = await newAccount('student');
    const { context, page } = await adminPage();
    await page.goto(`${appUrl}/admin/users/${student.documentId}`);
    await page.getByRole('button', { name: 'Reset password' }).click();
    const temporary = (await page.getByTestId('temporary-password').textContent({ timeout: 15_000 }))!.trim();
    expect(temporary).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectNoAxeViolations(page, 'account page after a reset');
    await screenshot(page, 'admin-user-reset.en.desktop');

    // The old password stopped working at once.
    const old = await call('POST', '/api/auth/local', { identifier: student.username, password: student.password });
    expect(old.status).toBe(400);

    // The user signs in with the temporary password and must choose their own before getting in.
    const own = await browser.newContext({ viewport: PHONE });
    const signIn = await own.newPage();
    await signIn.goto(`${appUrl}/sign-in`);
    await signIn.getByLabel('Username or e-mail').fill(student.username);
    await signIn.getByLabel('Password', { exact: true }).fill(temporary);
    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await signIn.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(new URL(signIn.url()).pathname).toBe('/sign-in');
    await expectNoAxeViolations(signIn, 'choose a new password');
    await screenshot(signIn, 'sign-in-choose-password.en.phone');
    await signIn.getByLabel('New password', { exact: true }).fill('my-own-password-1');
    await signIn.getByLabel('New password again').fill('my-own-password-2');
    await signIn.getByRole('button', { name: 'Save and sign in' }).click();
    await signIn.getByText('The two passwords are not the same.').waitFor();
    await signIn.getByLabel('New password again').fill('my-own-password-1');
    await signIn.getByRole('button', { name: 'Save and sign in' }).click();
    await signIn.waitForURL(`${appUrl}/learn`);
    await own.close();

    // The new password is the one that works now; the temporary one is gone.
    const fresh = await call('POST', '/api/auth/local', {
      identifier: student.username,
      password: 'my-own-password-1',
    });
    expect(fresh.status).toBe(200);
    const stale = await call('POST', '/api/auth/local', { identifier: student.username, password: temporary });
    expect(stale.status).toBe(400);

    // The reset is in the log under the admin's name.
    await page.goto(`${appUrl}/admin/activity`);
    await page.getByLabel('What').selectOption('password_reset');
    await page.getByLabel('Words').fill(student.documentId);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => page.getByTestId('activity-row').allTextContents(), { timeout: 15_000 })
      .toEqual([expect.stringMatching(/admin[\s\S]*Reset password/)]);
    await context.close();
  });
});

describe('school settings', () => {
  it('closing registration makes the sign-up page say so', async () => {
    const { context, page } = await adminPage();
    await page.goto(`${appUrl}/admin/settings`);
    const registration = page.getByLabel('Students may create their own accounts');
    await registration.waitFor();
    if (!(await registration.isChecked())) throw new Error('registration should start open');
    await registration.uncheck();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const visitor = await browser.newContext({ viewport: PHONE });
    const signUp = await visitor.newPage();
    await signUp.goto(`${appUrl}/sign-up`);
    await signUp.getByTestId('registration-closed').waitFor({ timeout: 15_000 });
    expect(await signUp.getByTestId('registration-closed').textContent()).toContain('not taking new registrations');
    expect(await signUp.locator('form').count()).toBe(0);
    await expectNoAxeViolations(signUp, 'sign-up, registration closed');
    await screenshot(signUp, 'sign-up-closed.en.phone');
    await visitor.close();
    const arabic = await browser.newContext({ viewport: DESKTOP, locale: 'ar' });
    const signUpAr = await arabic.newPage();
    await signUpAr.goto(`${appUrl}/sign-up`);
    await signUpAr.getByTestId('registration-closed').waitFor({ timeout: 15_000 });
    expect(await signUpAr.getByTestId('registration-closed').textContent()).toContain('لا تقبل المدرسة تسجيلات جديدة');
    await expectNoAxeViolations(signUpAr, 'sign-up, registration closed (ar)');
    await screenshot(signUpAr, 'sign-up-closed.ar.desktop');
    await arabic.close();

    // Opened again from the same page; the server agrees.
    await page.reload();
    await registration.check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const open = await fetch(`${appUrl}/api/school-settings/public`).then((r) => r.json() as Promise<any>);
    expect(open.data.registrationOpen).toBe(true);
    await context.close();
  });
});

describe('achievement criteria', () => {
  it('an invalid criteria cannot be saved; a valid one can', async () => {
    const title = unique('Steady learner ');
    const { context, page } = await adminPage();
    await page.goto(`${appUrl}/admin/achievements`);
    await page.getByRole('button', { name: 'New achievement' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Kind of achievement').selectOption('streak');
    // The streak's own field replaces the previous kind's.
    expect(await page.getByLabel('How many').count()).toBe(0);
    await page.getByLabel('Days in a row').fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The criteria are not valid yet').waitFor();
    expect(await page.getByLabel('Days in a row').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Enter a whole number from 1 to 3,650.').waitFor();
    await page.getByLabel('Days in a row').fill('2.5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The criteria are not valid yet').waitFor();
    await expectNoAxeViolations(page, 'achievement form with invalid criteria');
    await screenshot(page, 'admin-achievement-invalid.en.desktop');
    const found = async () =>
      (await call('GET', `/api/achievements?filters[title][$eq]=${encodeURIComponent(title)}`)).json.data;
    expect(await found()).toEqual([]);

    await page.getByLabel('Days in a row').fill('7');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('achievement-table').getByRole('rowheader', { name: title }).waitFor();
    const [saved] = await found();
    expect(saved).toMatchObject({ category: 'streak', criteria: { type: 'streak', days: 7 } });
    expect(await page.getByTestId('achievement-table').textContent()).toContain('Learn 7 days in a row');
    await call('DELETE', `/api/achievements/${saved.documentId}`);
    await context.close();
  });
});

describe('every admin page, in both languages and on both screens', () => {
  it('has no accessibility violations and is kept as screenshots', { timeout: 300_000 }, async () => {
    const zaid = (await call('GET', '/api/admin/users?q=zaid&role=student')).json.data[0].documentId;
    const pages = [
      { name: 'admin-home', path: '/admin', ready: 'main nav a' },
      { name: 'admin-users', path: '/admin/users', ready: '[data-testid=user-table]' },
      { name: 'admin-user-new', path: '/admin/users/new', ready: 'main form' },
      { name: 'admin-user', path: `/admin/users/${zaid}`, ready: '[data-testid=family-members]' },
      { name: 'admin-instructors', path: '/admin/instructors', ready: '[data-testid=instructor]' },
      { name: 'admin-achievements', path: '/admin/achievements', ready: '[data-testid=achievement-table]' },
      { name: 'admin-settings', path: '/admin/settings', ready: 'main form' },
      { name: 'admin-activity', path: '/admin/activity', ready: '[data-testid=activity-table]' },
      { name: 'admin-system', path: '/admin/system', ready: '[data-testid=health-status]' },
    ];
    for (const locale of ['en', 'ar']) {
      for (const [viewport, size] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const { context, page } = await adminPage(locale, viewport);
        for (const { name, path, ready } of pages) {
          await page.goto(appUrl + path);
          await page.locator(ready).first().waitFor({ timeout: 15_000 });
          if (name === 'admin-system') await page.locator('[data-testid=usage-table], .card p').last().waitFor();
          await expectNoAxeViolations(page, `${name} (${locale}, ${size})`);
          await screenshot(page, `${name}.${locale}.${size}`);
        }
        await context.close();
      }
    }
  });
});
