import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findCourse, newLearner, signInDemo, useSession, type SignedIn } from '../support/accounts';
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

const PASSWORD = 'a-long-test-password';
const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function call(path: string, init: { token?: string; body?: unknown } = {}) {
  const res = await fetch(appUrl + path, {
    method: init.body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const json = (await res.json()) as any;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const signIn = (identifier: string): Promise<SignedIn> =>
  call('/api/auth/local', { body: { identifier, password: PASSWORD } });

/** Enrolls the learner in a demo course and completes its first lesson (or all), so the family page has progress. */
async function startCourse(learner: SignedIn, title: string, finish = false) {
  const course = await findCourse(appUrl, title);
  await call('/api/course-enrollments', { token: learner.jwt, body: { data: { course: course.documentId } } }).catch(
    () => undefined, // newLearner may have enrolled them already
  );
  const lessons = finish ? course.lessons : course.lessons.slice(0, 1);
  const events = lessons.map((lesson) => ({
    eventId: crypto.randomUUID(),
    lesson: lesson.documentId,
    completed: true,
    timeSpent: 120,
  }));
  const { data: outcomes } = await call('/api/user-progresses/batch', { token: learner.jwt, body: { data: events } });
  const refused = outcomes.filter((outcome: { status: string }) => outcome.status === 'rejected');
  if (refused.length) throw new Error(`progress refused: ${JSON.stringify(refused)}`);
  return { course };
}

/** A new parent account, made by the admin, with no child yet. */
async function newParent() {
  const admin = await signInDemo(appUrl, 'admin');
  const username = uniqueName('parent');
  await call('/api/users', {
    token: admin.jwt,
    body: { username, email: `${username}@example.test`, password: PASSWORD, role: 'parent', fullName: 'Khadija Test' },
  });
  return signIn(username);
}

/** A new parent with one child they created themself, who has started (or finished) a course. */
async function parentWithOneChild(finish = false) {
  const parent = await newParent();
  const firstName = uniqueName('amal');
  await call('/api/users', {
    token: parent.jwt,
    body: { username: firstName, password: PASSWORD, fullName: 'Amal', role: 'student', ageTier: 'children' },
  });
  await startCourse(await signIn(firstName), 'Aqeedah for Young Muslims', finish);
  return parent;
}

async function open(context: BrowserContext, path: string, ready: (page: Page) => Promise<unknown>) {
  const page = await context.newPage();
  await page.goto(appUrl + path);
  await ready(page);
  return page;
}

/** Screenshots of a page on a phone and a desktop (the page is resized, then put back). */
async function bothScreens(page: Page, name: string) {
  const before = page.viewportSize();
  for (const [viewport, size] of [
    [PHONE, 'phone'],
    [DESKTOP, 'desktop'],
  ] as const) {
    await page.setViewportSize(viewport);
    await screenshot(page, `${name}.${size}`);
  }
  if (before) await page.setViewportSize(before);
}

describe('a parent pairs with a second child by a code their teacher made', () => {
  it('the teacher creates the code in the UI; a wrong code is refused clearly; the right one links the child; the parent switches between both', async () => {
    const parent = await parentWithOneChild();
    const second = await newLearner(appUrl, 'Fiqh of Purification and Prayer');
    const { course } = await startCourse(second, 'Fiqh of Purification and Prayer');

    // The teacher finds the student among theirs and creates a code.
    const teacherContext = await browser.newContext({ viewport: PHONE, locale: 'en' });
    await useSession(teacherContext, await signInDemo(appUrl, 'teacher.amina'), 'en');
    const teacherPage = await open(teacherContext, '/teach/students', (p) =>
      p.getByRole('heading', { name: 'My students' }).waitFor(),
    );
    await teacherPage.getByRole('searchbox').fill(second.user.username);
    await teacherPage.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => teacherPage.getByTestId('student-row').count(), { timeout: 15_000 }).toBe(1);
    await expectNoAxeViolations(teacherPage, 'teacher students (en)');
    await teacherPage.getByRole('button', { name: 'Pairing code' }).click();
    await teacherPage.getByRole('button', { name: 'Create a pairing code' }).click();
    const codeText = teacherPage.getByTestId('pairing-code');
    await codeText.waitFor();
    const code = (await codeText.textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await teacherPage.getByText('Works once, until').waitFor();
    await expectNoAxeViolations(teacherPage, 'pairing code card (en)');
    await bothScreens(teacherPage, 'teach-students.en');
    await teacherContext.close();

    // The parent sees the one child they have, then goes to link the second.
    const context = await browser.newContext({ viewport: PHONE, locale: 'en' });
    await useSession(context, parent, 'en');
    const page = await open(context, '/family', (p) => p.getByTestId('child-view').waitFor());
    expect(await page.getByRole('heading', { name: 'Amal', level: 2 }).count()).toBe(1);
    expect(await page.getByTestId('child-choice').count()).toBe(0);
    await page.getByRole('link', { name: 'Link with a code' }).click();
    await page.getByRole('heading', { name: 'Link a child with a code' }).waitFor();
    await expectNoAxeViolations(page, 'pairing (en)');

    await page.getByLabel('Pairing code').fill('ABCD-EFGH');
    await page.getByRole('button', { name: 'Link child' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
      .toContain('This code is not right');
    await expectNoAxeViolations(page, 'pairing, wrong code (en)');
    await bothScreens(page, 'family-pair-error.en');

    // Typed as a parent might: lower case, a space for the dash.
    await page.getByLabel('Pairing code').fill(code.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Link child' }).click();
    await page.getByText(`You are now linked to ${second.user.username}.`).waitFor();
    await page.getByRole('link', { name: 'Back to my family' }).last().click();

    // The new child is shown first (the choice made by pairing), with their course's progress.
    await page.getByTestId('child-view').waitFor();
    await expect.poll(() => page.getByTestId('child-choice').count(), { timeout: 15_000 }).toBe(2);
    const pressed = () => page.locator('[data-testid=child-choice][aria-pressed=true]').textContent();
    expect(await pressed()).toContain(second.user.username);
    const secondCourse = page.getByTestId('child-course').filter({ hasText: course.title });
    await secondCourse.waitFor();
    expect(Number(await secondCourse.getByRole('progressbar').getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('child-activity').first().textContent()).toContain('Making wudu');
    await expectNoAxeViolations(page, 'family, second child (en)');
    await bothScreens(page, 'family.en');

    // Switching shows the first child's course; the choice survives a reload.
    await page.getByTestId('child-choice').filter({ hasText: 'Amal' }).click();
    await page.getByTestId('child-course').filter({ hasText: 'Aqeedah for Young Muslims' }).waitFor();
    expect(await page.getByTestId('child-course').filter({ hasText: course.title }).count()).toBe(0);
    await page.reload();
    await page.getByTestId('child-course').filter({ hasText: 'Aqeedah for Young Muslims' }).waitFor();
    expect(await pressed()).toContain('Amal');
    await expectNoAxeViolations(page, 'family, first child (en)');
    await context.close();
  });
});

describe('a parent adds a child account', () => {
  it('creates it with a username and no e-mail, and the child signs in with it', async () => {
    const parent = await newParent();
    const context = await browser.newContext({ viewport: PHONE, locale: 'en' });
    await useSession(context, parent, 'en');
    // No child yet: the page says how to add or link one.
    const page = await open(context, '/family', (p) =>
      p.getByRole('heading', { name: 'No children linked yet' }).waitFor(),
    );
    await expectNoAxeViolations(page, 'family, no children (en)');
    await bothScreens(page, 'family-empty.en');
    await page.getByRole('link', { name: 'Add a child' }).click();
    await page.getByRole('heading', { name: 'Add a child', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'add child (en)');
    await bothScreens(page, 'family-add-child.en');

    const username = uniqueName('yusra');
    await page.getByLabel('Child’s name').fill('Yusra');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('yusra-secret-pw');
    await page.getByRole('radio', { name: 'Youth' }).check();
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByText(`They sign in with the username “${username}”.`).waitFor();
    await expectNoAxeViolations(page, 'add child, created (en)');

    // The same username again is refused next to the field.
    await page.getByLabel('Child’s name').fill('Yusra');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('yusra-secret-pw');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await expect.poll(() => page.locator('.error').textContent(), { timeout: 15_000 }).toContain('taken');

    // The family page now shows the new child.
    await page.goto(appUrl + '/family');
    await page.getByRole('heading', { name: 'Yusra', level: 2 }).waitFor();
    await context.close();

    // The child signs in on their own (another phone) with the username and password.
    const childPage = await browser.newPage({ viewport: PHONE });
    await childPage.goto(appUrl + '/sign-in');
    await childPage.getByLabel('Username or e-mail').fill(username);
    await childPage.getByLabel('Password', { exact: true }).fill('yusra-secret-pw');
    await childPage.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => childPage.getByTestId('whoami').textContent(), { timeout: 15_000 }).toBe(username);
    expect(new URL(childPage.url()).pathname).toBe('/learn');
    await childPage.close();
  });
});

describe('the family page offline', () => {
  it('shows the last copy with the time it was saved; after sign-out nothing of the child is left on the phone', async () => {
    const parent = await parentWithOneChild();
    const { data } = await call('/api/progress-stats', { token: parent.jwt });
    const child = data.children[0].learner.documentId as string;
    const context = await browser.newContext({ viewport: PHONE, locale: 'en' });
    await useSession(context, parent, 'en');
    // The app installed: once the service worker controls the page, the reads go through it and are kept.
    const page = await open(context, '/family', (p) => p.evaluate(() => navigator.serviceWorker.ready.then(() => 0)));
    await page.reload();
    const course = page.getByTestId('child-course').filter({ hasText: 'Aqeedah for Young Muslims' });
    await course.waitFor();
    await page.getByTestId('child-activity').first().waitFor();
    const progress = await course.getByRole('progressbar').getAttribute('aria-valuenow');
    expect(Number(progress)).toBeGreaterThan(0);
    expect(await page.getByTestId('saved-copy').count()).toBe(0);
    // The service worker stores its copies just after answering: wait until the family page's reads are kept.
    const kept = () =>
      page.evaluate(async () => {
        const keys = await (await caches.open('lms-api')).keys();
        return ['progress-stats', 'user-progresses', 'quiz-attempts'].filter((p) =>
          keys.some((k) => k.url.includes(p)),
        );
      });
    await expect.poll(kept).toHaveLength(3);

    // Days later, with no connection: the same progress and records, and a note saying how old they are.
    await context.setOffline(true);
    await page.reload();
    await course.waitFor();
    expect(await course.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(progress);
    await expect
      .poll(() => page.getByTestId('child-activity').first().textContent())
      .toContain('The six pillars of iman');
    expect(await page.getByRole('alert').count()).toBe(0);
    const note = page.getByTestId('saved-copy');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/Saved .*\d.*No connection: this may not be the latest\./);
    await expectNoAxeViolations(page, 'family offline (en)');
    await bothScreens(page, 'family-offline.en');

    // Signing out (still offline) erases the parent's copies: no answer about the child stays in any cache.
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${appUrl}/sign-in`);
    const left = await page.evaluate(
      async ({ child, tag }) => {
        const found: string[] = [];
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            const body = name.startsWith('lms-api') ? ((await (await cache.match(request))?.text()) ?? '') : '';
            if (request.url.includes(child) || request.url.endsWith(tag) || body.includes(child))
              found.push(request.url);
          }
        }
        const databases = (await indexedDB.databases()).map((d) => d.name);
        return { found, databases };
      },
      { child, tag: `lms-user=${parent.user.id}` },
    );
    expect(left.found).toEqual([]);
    expect(left.databases).not.toContain(`lms-user-${parent.user.documentId}`);
    await context.close();
  });
});

describe('the family pages in Arabic', () => {
  it(
    'render right to left with no accessibility violations, on a phone and a desktop',
    { timeout: 120_000 },
    async () => {
      // The first child finished a course: a certificate and badges to show.
      const parent = await parentWithOneChild(true);
      const second = await newLearner(appUrl, 'Fiqh of Purification and Prayer');
      const admin = await signInDemo(appUrl, 'admin');
      await call('/api/guardian-links', {
        token: admin.jwt,
        body: { data: { parent: parent.user.documentId, child: second.user.documentId } },
      });
      const context = await browser.newContext({ viewport: PHONE, locale: 'ar' });
      await useSession(context, parent, 'ar');
      const page = await open(context, '/family', (p) => p.getByTestId('child-view').waitFor());
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await expect.poll(() => page.getByTestId('child-choice').count(), { timeout: 15_000 }).toBe(2);
      await page.getByTestId('child-choice').filter({ hasText: 'Amal' }).click();
      await page.getByRole('button', { name: 'انسخ رابط التحقّق' }).waitFor();
      expect(await page.locator('#child-badges + ul li').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'family (ar)');
      await bothScreens(page, 'family.ar');

      await page.getByRole('link', { name: 'اربط برمز' }).click();
      await page.getByLabel('رمز الربط').fill('ZZZZ-ZZZZ');
      await page.getByRole('button', { name: 'اربط الطفل' }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
        .toContain('هذا الرمز غير صحيح');
      await expectNoAxeViolations(page, 'pairing, wrong code (ar)');
      await bothScreens(page, 'family-pair-error.ar');

      await page.goto(appUrl + '/family/add-child');
      await page.getByRole('heading', { name: 'أضف طفلًا', level: 1 }).waitFor();
      await expectNoAxeViolations(page, 'add child (ar)');
      await bothScreens(page, 'family-add-child.ar');
      await context.close();

      const teacherContext = await browser.newContext({ viewport: PHONE, locale: 'ar' });
      await useSession(teacherContext, await signInDemo(appUrl, 'teacher.amina'), 'ar');
      const teacherPage = await open(teacherContext, '/teach/students', (p) =>
        p.getByTestId('student-row').first().waitFor(),
      );
      await teacherPage.getByRole('searchbox').fill(second.user.username);
      await teacherPage.getByRole('button', { name: 'ابحث', exact: true }).click();
      await expect.poll(() => teacherPage.getByTestId('student-row').count(), { timeout: 15_000 }).toBe(1);
      await teacherPage.getByRole('button', { name: 'رمز الربط' }).click();
      await teacherPage.getByRole('button', { name: 'أنشئ رمز ربط' }).click();
      await teacherPage.getByTestId('pairing-code').waitFor();
      await expectNoAxeViolations(teacherPage, 'teacher students with a code (ar)');
      await bothScreens(teacherPage, 'teach-students.ar');
      await teacherContext.close();
    },
  );
});
