import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findCourse, signInDemo, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function call(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(appUrl + path, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as any };
}

async function ok(path: string, token: string, init: { method?: string; body?: unknown } = {}) {
  const { status, json } = await call(path, token, init);
  if (status >= 400) throw new Error(`${path}: ${status} ${JSON.stringify(json)}`);
  return json;
}

async function signIn(username: string, password: string): Promise<SignedIn> {
  const res = await fetch(`${appUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: username, password }),
  });
  return (await res.json()) as SignedIn;
}

/** A parent and their child, in teacher.amina's Quran course, with no hifz plan yet. */
async function studentWithoutPlan() {
  const admin = (await signInDemo(appUrl, 'admin')).jwt;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const password = 'a-long-test-password';
  const parent = await ok('/api/users', admin, {
    body: { username: `pparent${tag}`, email: `pparent${tag}@example.test`, password, role: 'parent' },
  });
  const name = `Khadija ${tag}`;
  await ok('/api/users', admin, {
    body: { username: `pchild${tag}`, password, role: 'student', fullName: name, parent: parent.documentId },
  });
  const child = await signIn(`pchild${tag}`, password);
  const course = await findCourse(appUrl, 'Reading Juz ‘Amma with Tajweed');
  await ok('/api/course-enrollments', child.jwt, { body: { data: { course: course.documentId } } });
  return {
    tag,
    name,
    child,
    parent: await signIn(`pparent${tag}`, password),
    teacher: await signInDemo(appUrl, 'teacher.amina'),
  };
}

async function contextFor(session: SignedIn, viewport = DESKTOP, locale = 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale });
  await useSession(context, session, locale);
  return context;
}

/** Font files the page fetched, by name. */
function fontRequests(page: Page): string[] {
  const fonts: string[] = [];
  page.on('requestfinished', (request) => {
    if (/\.woff2?$/.test(new URL(request.url()).pathname)) fonts.push(new URL(request.url()).pathname);
  });
  return fonts;
}

/** The mushaf text's computed face, and whether the browser has the Amiri Quran face loaded. */
const mushafFace = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    const text = document.querySelector('.quran')!;
    return {
      family: getComputedStyle(text).fontFamily,
      loaded: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Amiri Quran' && f.status === 'loaded'),
    };
  });

describe('a hifz plan set in the app', () => {
  it('the teacher sets a plan for a student without one, sees today’s proposal, and finds it again after a reload', async () => {
    const s = await studentWithoutPlan();
    const context = await contextFor(s.teacher);
    const page = await context.newPage();
    const fonts = fontRequests(page);

    // The class view invites the teacher to set a plan; it is not an error.
    await page.goto(appUrl + '/teach/hifz');
    const invitations = page.getByTestId('students-without-plan');
    await invitations.getByRole('searchbox').fill(s.tag);
    await invitations.getByRole('button', { name: 'Search' }).click();
    await invitations.getByRole('link', { name: `Set a plan for ${s.name}` }).click();

    const panel = page.getByTestId('plan-panel');
    await panel.getByText(`${s.name} has no hifz plan yet`).waitFor();
    await expectNoAxeViolations(page, 'hifz plan, none yet (en)');
    await screenshot(page, 'hifz-plan-new.en.desktop');

    // Checked on the device with the contract's limits: nothing is sent.
    const form = panel.getByTestId('plan-form');
    await form.getByRole('radio', { name: 'From An-Nas upward (juz 30 first)' }).check();
    await form.getByLabel('Sabaq (new) each day').fill('0');
    await form.getByRole('button', { name: 'Save the plan' }).click();
    await form.getByText('A whole number from 1 to 300.').waitFor();
    expect(await form.getByLabel('Sabaq (new) each day').getAttribute('aria-invalid')).toBe('true');
    expect((await call(`/api/hifz/plans/${s.child.user.documentId}`, s.teacher.jwt)).status).toBe(404);

    // The server's refusal is shown next to the field it names.
    await form.getByLabel('Sabaq (new) each day').fill('5');
    await form.getByRole('radio', { name: 'Lines', exact: true }).check();
    await form.getByLabel('Start from').fill('200:1');
    await form.getByRole('button', { name: 'Save the plan' }).click();
    await form.getByText(/Surah 200 does not exist/).waitFor();
    expect(await form.getByLabel('Start from').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Start from').fill('114:1');
    await form.getByLabel(/^Sabqi/).fill('7');
    await form.getByLabel('Manzil (revision) each day').fill('1');
    await form.getByRole('radio', { name: 'Juz', exact: true }).check();
    await form.getByRole('button', { name: 'Save the plan' }).click();
    await panel.getByRole('status').filter({ hasText: 'Plan saved.' }).waitFor();

    const stored = (await ok(`/api/hifz/plans/${s.child.user.documentId}`, s.teacher.jwt)).data;
    expect(stored).toMatchObject({
      direction: 'reverse',
      start: { label: '114:1' },
      newAmount: 5,
      newUnit: 'lines',
      sabqiDays: 7,
      manzilAmount: 1,
      manzilUnit: 'juz',
      teacher: { username: 'teacher.amina' },
    });
    // Today's proposal, as the server works it out, on the page.
    const today = (await ok(`/api/hifz/students/${s.child.user.documentId}/today`, s.teacher.jwt)).data;
    const proposal = page.getByTestId('today-proposal');
    expect(today.sabaq).not.toBeNull();
    expect(await proposal.locator('[data-kind="sabaq"]').textContent()).toContain(today.sabaq.range.label);
    expect(await proposal.locator('[data-kind="sabqi"]').textContent()).toContain(
      today.sabqi.length ? today.sabqi[0].label : 'Nothing today',
    );
    // And the sitting, proposed from it, with the words of the sabaq in the mushaf face.
    await page
      .getByRole('region', { name: 'Sabaq (new)' })
      .getByRole('button', { name: /\(114:1:1\)/ })
      .waitFor();
    const face = await mushafFace(page);
    expect(face.family).toMatch(/^"?Amiri Quran"?,/);
    expect(face.loaded).toBe(true);
    expect(fonts.some((f) => /amiri-quran-arabic-400-normal\.[^/]+\.woff2$/.test(f))).toBe(true);
    expect(fonts.filter((f) => f.includes('amiri-quran') && f.endsWith('.woff'))).toEqual([]);
    await expectNoAxeViolations(page, 'hifz plan saved (en)');
    await screenshot(page, 'hifz-plan.en.desktop');

    // A reload shows the saved plan, and the form holds it.
    await page.reload();
    const summary = page.getByTestId('plan-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('From An-Nas upward (juz 30 first), starting at 114:1');
    expect(await summary.textContent()).toContain('Sabaq: 5 lines a day');
    expect(await summary.textContent()).toContain('Sabqi: the last 7 days of sabaq');
    expect(await summary.textContent()).toContain('Manzil: one juz a day');
    await page.getByText('Change the plan').click();
    expect(await page.getByLabel('Sabaq (new) each day').inputValue()).toBe('5');
    expect(await page.getByRole('radio', { name: 'Lines', exact: true }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, 'hifz plan form open (en)');
    // Offline a plan cannot be saved (it is not queued like a sitting), and the form says why.
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'You are offline.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save the plan' }).isDisabled()).toBe(true);
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'You are offline.' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: 'Save the plan' }).isEnabled()).toBe(true);
    await context.close();

    const arabic = await contextFor(s.teacher, DESKTOP, 'ar');
    const arPage = await arabic.newPage();
    await arPage.goto(`${appUrl}/teach/hifz/${s.child.user.documentId}`);
    await arPage
      .getByTestId('plan-summary')
      .getByText(/السبق: (٥|5) أسطر كل يوم/)
      .waitFor();
    await arPage.getByText('تعديل الخطة').click();
    await arPage.getByRole('button', { name: 'حفظ الخطة' }).waitFor();
    expect((await mushafFace(arPage)).family).toMatch(/^"?Amiri Quran"?,/);
    await expectNoAxeViolations(arPage, 'hifz plan (ar)');
    await screenshot(arPage, 'hifz-plan.ar.desktop');
    await arabic.close();
  });

  it('a parent cannot reach the plan form, and the server refuses their plan with 403', async () => {
    const s = await studentWithoutPlan();
    const context = await contextFor(s.parent, PHONE);
    const page = await context.newPage();
    await page.goto(`${appUrl}/teach/hifz/${s.child.user.documentId}`);
    await page.waitForURL((url) => url.pathname.startsWith('/family'));
    expect(await page.getByTestId('plan-form').count()).toBe(0);
    await context.close();

    const plan = {
      direction: 'reverse',
      start: '114:1',
      newAmount: 5,
      newUnit: 'lines',
      sabqiDays: 7,
      manzilAmount: 1,
      manzilUnit: 'juz',
    };
    const path = `/api/hifz/plans/${s.child.user.documentId}`;
    expect((await call(path, s.parent.jwt, { method: 'PUT', body: { data: plan } })).status).toBe(403);
    expect((await call(path, s.child.jwt, { method: 'PUT', body: { data: plan } })).status).toBe(403);
    expect((await call(path, s.teacher.jwt, { method: 'PUT', body: { data: plan } })).status).toBe(201);
  });

  it('the learner’s hifz page shows the sitting in the mushaf face; the learner home never loads it', async () => {
    const s = await studentWithoutPlan();
    const student = s.child.user.documentId;
    const plan = { direction: 'reverse', start: '114:1', newAmount: 6, newUnit: 'ayahs', sabqiDays: 7 };
    await ok(`/api/hifz/plans/${student}`, s.teacher.jwt, {
      method: 'PUT',
      body: { data: { ...plan, manzilAmount: 1, manzilUnit: 'juz' } },
    });
    const { day } = (await ok(`/api/hifz/students/${student}/today`, s.teacher.jwt)).data;
    await ok('/api/hifz/sessions', s.teacher.jwt, {
      body: {
        data: {
          clientId: crypto.randomUUID(),
          student,
          heldOn: day,
          recordedAt: new Date().toISOString(),
          checks: [
            {
              clientId: crypto.randomUUID(),
              kind: 'sabaq',
              range: '114:1-6',
              grade: 'good',
              mistakes: [{ clientId: crypto.randomUUID(), at: '114:4:2', type: 'tajweed' }],
            },
          ],
        },
      },
    });

    const context = await contextFor(s.child, PHONE);
    const page = await context.newPage();
    const fonts = fontRequests(page);
    await page.goto(appUrl + '/learn');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    expect(fonts.filter((f) => f.includes('amiri-quran'))).toEqual([]);
    const faceOnHome = await page.evaluate(() =>
      [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((r) => r.cssText.includes('Amiri Quran'))),
    );
    expect(faceOnHome).toBe(false);
    // Installed: the hifz page's requests go through the service worker, which keeps the face with the text.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await page.goto(appUrl + '/learn/hifz');
    await page.getByTestId('sitting').waitFor();
    const face = await mushafFace(page);
    expect(face.family).toMatch(/^"?Amiri Quran"?,/);
    expect(face.loaded).toBe(true);
    expect(fonts.some((f) => f.includes('amiri-quran-arabic-400-normal'))).toBe(true);
    const kept = () =>
      page.evaluate(async () =>
        Promise.all(
          ['lms-quran', 'lms-fonts'].map(async (name) =>
            (await (await caches.open(name)).keys()).some((r) => r.url.includes('amiri-quran')),
          ),
        ),
      );
    await expect.poll(kept, { timeout: 10_000 }).toEqual([true, false]);
    // Each ayah's number stays on the line of its last word.
    const detached = await page.evaluate(
      () =>
        [...document.querySelectorAll('.quran .end')].filter((end) => {
          const word = end.previousElementSibling;
          if (!word) return true;
          const a = end.getBoundingClientRect();
          const b = word.getBoundingClientRect();
          return Math.abs(a.top + a.height / 2 - (b.top + b.height / 2)) > b.height / 2;
        }).length,
    );
    expect(detached).toBe(0);
    await expectNoAxeViolations(page, 'hifz learner (en)');
    await screenshot(page, 'hifz-learner-quran.en.phone');
    await context.close();
  });
});
