import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { signInDemo, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
let browser: Browser;

beforeAll(async () => {
  // A fake microphone (a tone), allowed without asking: the student's recording is real MediaRecorder output.
  browser = await launchChromium({ args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });
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
  const json = (await res.json().catch(() => null)) as any;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
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

/** A parent and their child, whose hifz plan (An-Nas upward, 3 ayahs a day) names teacher.amina. */
async function hifzFamily() {
  const admin = (await signInDemo(appUrl, 'admin')).jwt;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const password = 'a-long-test-password';
  const parent = await call('/api/users', admin, {
    body: { username: `hparent${tag}`, email: `hparent${tag}@example.test`, password, role: 'parent' },
  });
  const child = await call('/api/users', admin, {
    body: { username: `hchild${tag}`, password, role: 'student', fullName: `Bilal ${tag}`, parent: parent.documentId },
  });
  const teacher = await signInDemo(appUrl, 'teacher.amina');
  await call(`/api/hifz/plans/${child.documentId}`, teacher.jwt, {
    method: 'PUT',
    body: {
      data: {
        direction: 'reverse',
        start: '114:1',
        newAmount: 6,
        newUnit: 'ayahs',
        sabqiDays: 7,
        manzilAmount: 1,
        manzilUnit: 'juz',
      },
    },
  });
  return {
    teacher,
    parent: await signIn(`hparent${tag}`, password),
    child: await signIn(`hchild${tag}`, password),
    childName: `Bilal ${tag}`,
  };
}

async function contextFor(session: SignedIn, viewport = PHONE, locale = 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale });
  await useSession(context, session, locale);
  return context;
}

describe('hifz in the classroom', () => {
  it('a teacher records a sitting with three mistakes tapped on the words; the parent sees them on the text', async () => {
    const family = await hifzFamily();
    const teacherContext = await contextFor(family.teacher, DESKTOP);
    const page = await teacherContext.newPage();
    await page.goto(appUrl + '/teach/hifz');
    const card = page.getByRole('link', { name: new RegExp(family.childName) });
    await card.waitFor();
    await expectNoAxeViolations(page, 'hifz class (en)');
    await screenshot(page, 'hifz-class.en.desktop');

    // The teacher's flow, timed: open the student, tap three mistakes, grade, save.
    let taps = 0;
    const started = performance.now();
    await card.click();
    taps++;
    const sabaq = page.getByRole('region', { name: 'Sabaq (new)' });
    await sabaq.getByRole('button', { name: /\(114:1:1\)/ }).waitFor();
    const opened = performance.now() - started;
    await sabaq.getByRole('button', { name: /\(114:2:1\)/ }).click();
    await page.getByRole('radio', { name: 'Tajweed' }).check();
    await sabaq.getByRole('button', { name: /\(114:4:2\)/ }).click();
    await page.getByRole('radio', { name: 'Hesitation' }).check();
    await sabaq.getByRole('button', { name: /\(114:6:1\)/ }).click();
    taps += 5;
    await sabaq.getByRole('radio', { name: 'Good', exact: true }).check();
    await page.getByRole('button', { name: 'Save the sitting' }).click();
    taps += 2;
    await page.getByRole('status').filter({ hasText: 'Sent to the school.' }).waitFor();
    const recorded = performance.now() - started;
    console.log(
      `hifz: teacher opened a student in ${Math.round(opened)} ms; recorded a sabaq with 3 mistakes in ${taps} taps, ${Math.round(recorded)} ms`,
    );
    expect(await sabaq.getByText('3 mistakes').count()).toBe(1);
    await expectNoAxeViolations(page, 'hifz sitting (en)');
    await screenshot(page, 'hifz-sitting.en.desktop');
    await teacherContext.close();

    for (const locale of ['en', 'ar']) {
      const parentContext = await contextFor(family.parent, PHONE, locale);
      const parentPage = await parentContext.newPage();
      await parentPage.goto(appUrl + '/family/hifz');
      const sitting = parentPage.getByTestId('sitting');
      await sitting.waitFor();
      const marked = sitting.locator('.word.forgotten_word, .word.tajweed, .word.hesitation');
      expect(await marked.count()).toBe(3);
      expect(await marked.nth(0).textContent()).toContain(locale === 'en' ? 'Forgotten word' : 'كلمة منسية');
      await expectNoAxeViolations(parentPage, `hifz family (${locale})`);
      await screenshot(parentPage, `hifz-family.${locale}.phone`);
      await parentContext.close();
    }
  });
});

describe('recitations from home', () => {
  it('a student records offline, comes online, and the teacher grades it; the student sees the grade', async () => {
    const family = await hifzFamily();
    const context = await contextFor(family.child, PHONE);
    await context.grantPermissions(['microphone'], { origin: appUrl });
    const page = await context.newPage();
    await page.goto(appUrl + '/learn/hifz');
    // Installed: the service worker controls the page, so the app's code is on the phone when offline.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.getByRole('button', { name: 'Start recording' }).waitFor();
    await expectNoAxeViolations(page, 'hifz student (en)');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Start recording' }).click();
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('button', { name: 'Send to my teacher' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
    await page.getByTestId('recording').filter({ hasText: 'Saved on this phone' }).waitFor();
    await screenshot(page, 'hifz-student-offline.en.phone');
    const stored = await call(`/api/hifz/recitations?student=${family.child.user.documentId}`, family.teacher.jwt);
    expect(stored.data).toHaveLength(0);

    await context.setOffline(false);
    await expect
      .poll(async () => (await call('/api/hifz/recitations?status=submitted', family.teacher.jwt)).data.length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const queue = await call(`/api/hifz/recitations?student=${family.child.user.documentId}`, family.teacher.jwt);
    expect(queue.data).toHaveLength(1);
    expect(queue.data[0]).toMatchObject({ status: 'submitted', range: { label: '114' } });
    await context.close();

    const teacherContext = await contextFor(family.teacher, DESKTOP);
    const teacherPage = await teacherContext.newPage();
    await teacherPage.goto(`${appUrl}/teach/hifz/${family.child.user.documentId}`);
    const recitation = teacherPage.getByTestId('recitation-to-grade');
    await recitation.waitFor();
    const audioStatus = await teacherPage.evaluate(async () => {
      const audio = document.querySelector<HTMLAudioElement>('[data-testid="recitation-to-grade"] audio')!;
      return (await fetch(audio.src)).status;
    });
    expect(audioStatus).toBe(200);
    await recitation.getByRole('button', { name: /\(114:3:1\)/ }).click();
    await recitation.getByRole('radio', { name: 'Very good' }).check();
    await recitation.getByRole('button', { name: 'Save the grade' }).click();
    await recitation.waitFor({ state: 'detached' });
    await teacherContext.close();

    const again = await contextFor(family.child, PHONE, 'ar');
    const studentPage = await again.newPage();
    await studentPage.goto(appUrl + '/learn/hifz');
    const graded = studentPage.getByTestId('recording').filter({ hasText: 'جيد جدًا' });
    await graded.waitFor();
    expect(await graded.locator('.word.forgotten_word').count()).toBe(1);
    await expectNoAxeViolations(studentPage, 'hifz student (ar)');
    await screenshot(studentPage, 'hifz-student.ar.phone');
    await again.close();
  });
});
