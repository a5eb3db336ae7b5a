import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findCourse, newLearner, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { closeMidSync } from '../support/mid-sync';
import { PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
const COURSE = 'The Life of the Prophet ﷺ';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** What the server holds for this learner and lesson. */
async function serverProgress(learner: SignedIn, lesson: string) {
  const query = `filters[lesson][documentId][$eq]=${lesson}`;
  const res = await fetch(`${appUrl}/api/user-progresses?${query}`, {
    headers: { authorization: `Bearer ${learner.jwt}` },
  });
  return ((await res.json()) as any).data as { completed: boolean; progress: number; timeSpent: number }[];
}

/** Installed state: the service worker controls the page, so the offline layer keeps the courses. */
async function installedLearnerHome(context: BrowserContext, learner: SignedIn): Promise<Page> {
  await useSession(context, learner);
  const page = await context.newPage();
  await page.goto(appUrl + '/learn');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.getByTestId('course-card').waitFor();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  return page;
}

async function completeOffline(page: Page, title: string) {
  // The course card's link (the home may also offer the same lesson as "continue where you left off").
  await page.getByTestId('course-card').getByRole('link', { name: title }).click();
  await page.getByRole('heading', { name: title }).waitFor();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  const state = page.getByTestId('lesson-state');
  await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('pending');
  expect(await state.textContent()).toContain('Saved on this phone');
}

/** The events with this lesson that left the browser (pages and service worker alike). */
function watchBatches(context: BrowserContext, lesson: string): string[] {
  const sent: string[] = [];
  context.on('request', (request) => {
    if (request.url().endsWith('/api/user-progresses/batch') && request.postData()?.includes(lesson)) {
      sent.push(request.postData()!);
    }
  });
  return sent;
}

describe('the outbox', () => {
  it('keeps work done offline on the phone, through a reload, and sends it exactly once when back online', async () => {
    const learner = await newLearner(appUrl, COURSE);
    const lesson = (await findCourse(appUrl, COURSE)).lessons[0]!;
    const context = await browser.newContext({ viewport: PHONE });
    const sent = watchBatches(context, lesson.documentId);
    const page = await installedLearnerHome(context, learner);

    await context.setOffline(true);
    await completeOffline(page, lesson.title);
    await page.reload();
    const state = page.getByTestId('lesson-state');
    await expect.poll(() => state.getAttribute('data-state'), { timeout: 10_000 }).toBe('pending');
    await screenshot(page, 'lesson-offline.en.phone');

    await page.getByRole('link', { name: 'Account' }).click();
    const item = page.getByTestId('outbox-item').first();
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 10_000 }).toBe('pending');
    expect(await item.textContent()).toContain('Saved on this phone');
    expect(await page.getByTestId('outbox').textContent()).toContain('One item waits to be sent');
    await expectNoAxeViolations(page, 'account with unsent work');
    await screenshot(page, 'account-outbox-pending.en.phone');
    expect(await serverProgress(learner, lesson.documentId)).toEqual([]);
    expect(sent).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    expect(await item.textContent()).toContain('Sent');
    await screenshot(page, 'account-outbox-sent.en.phone');
    const held = await serverProgress(learner, lesson.documentId);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ completed: true, progress: 100 });
    expect(sent).toHaveLength(1);
    const event = JSON.parse(sent[0]!).data.find((e: any) => e.lesson === lesson.documentId);
    expect(held[0]!.timeSpent).toBe(event.timeSpent);
    await context.close();
  });

  it('loses nothing and counts nothing twice when the page is closed mid-sync', async () => {
    const learner = await newLearner(appUrl, COURSE);
    const lesson = (await findCourse(appUrl, COURSE)).lessons[1]!;
    const context = await browser.newContext({ viewport: PHONE });
    const sent = watchBatches(context, lesson.documentId);
    const page = await installedLearnerHome(context, learner);
    await context.setOffline(true);
    await completeOffline(page, lesson.title);

    // The server records the batch, but the page is closed before the answer reaches it.
    await closeMidSync(context, page, '**/api/user-progresses/batch');
    expect(await serverProgress(learner, lesson.documentId)).toHaveLength(1);

    // The app opens again (or the phone restarts): the item is still waiting, is sent again, and the
    // server recognises the event it already holds.
    const again = await context.newPage();
    await again.goto(appUrl + '/learn/account');
    const item = again.getByTestId('outbox-item').first();
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    expect(sent.length).toBe(2);
    expect(JSON.parse(sent[0]!).data[0].eventId).toBe(JSON.parse(sent[1]!).data[0].eventId);
    const held = await serverProgress(learner, lesson.documentId);
    expect(held).toHaveLength(1);
    expect(held[0]!.timeSpent).toBe(JSON.parse(sent[0]!).data[0].timeSpent);
    await context.close();
  });

  it('shows a refusal and its reason (a locked lesson) instead of retrying it forever', async () => {
    const course = 'Reading Juz ‘Amma with Tajweed';
    const learner = await newLearner(appUrl, course);
    const locked = (await findCourse(appUrl, course)).lessons[2]!;
    const context = await browser.newContext({ viewport: PHONE });
    await useSession(context, learner);
    const page = await context.newPage();
    await page.goto(`${appUrl}/learn/lessons/${locked.documentId}`);
    await page.getByRole('button', { name: 'Mark as complete' }).click();
    await page.getByRole('link', { name: 'Account' }).click();
    const item = page.getByTestId('outbox-item').first();
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 15_000 }).toBe('refused');
    expect(await item.textContent()).toContain('is locked until the lessons before it are completed');
    await expectNoAxeViolations(page, 'account with a refused item');
    await context.close();
  });

  it('is sent by the service worker’s Background Sync while no page of the app is open', async () => {
    const learner = await newLearner(appUrl, COURSE);
    const lesson = (await findCourse(appUrl, COURSE)).lessons[2]!;
    const context = await browser.newContext({ viewport: PHONE });
    const fromWorker: boolean[] = [];
    context.on(
      'request',
      (r) => r.url().endsWith('/api/user-progresses/batch') && fromWorker.push(!!r.serviceWorker()),
    );
    const page = await installedLearnerHome(context, learner);
    await context.setOffline(true);
    await completeOffline(page, lesson.title);

    // Chromium fires a registered sync when the connection returns; DevTools lets the test fire it at a
    // moment of its choosing, after the app's last page has closed.
    const blank = await context.newPage();
    const devtools = await context.newCDPSession(blank);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    devtools.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await devtools.send('ServiceWorker.enable');
    await page.close();
    await context.setOffline(false);
    await expect.poll(() => registrations.some((r) => r.scopeURL === `${appUrl}/`)).toBe(true);
    await devtools.send('ServiceWorker.dispatchSyncEvent', {
      origin: appUrl,
      registrationId: registrations.find((r) => r.scopeURL === `${appUrl}/`)!.registrationId,
      tag: `outbox:${learner.user.documentId}`,
      lastChance: false,
    });
    await expect.poll(() => serverProgress(learner, lesson.documentId), { timeout: 15_000 }).toHaveLength(1);
    expect(fromWorker).toEqual([true]);

    const again = await context.newPage();
    await again.goto(appUrl + '/learn/account');
    const item = again.getByTestId('outbox-item').first();
    await expect.poll(() => item.getAttribute('data-state'), { timeout: 15_000 }).toBe('sent');
    await context.close();
  });

  it('on sign-out, erases the learner’s data only once it is sent, or after asking', async () => {
    const learner = await newLearner(appUrl, COURSE);
    const lesson = (await findCourse(appUrl, COURSE)).lessons[0]!;
    const context = await browser.newContext({ viewport: PHONE });
    const page = await installedLearnerHome(context, learner);
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    const mine = `lms-user-${learner.user.documentId}`;
    await context.setOffline(true);
    await completeOffline(page, lesson.title);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByTestId('sign-out').click();

    const dialog = page.getByRole('dialog', { name: 'Some work is not sent yet' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('One piece of work is saved only on this phone');
    await expectNoAxeViolations(page, 'sign-out with unsent work');
    await screenshot(page, 'sign-out-unsent.en.phone');
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    expect(new URL(page.url()).pathname).toBe('/learn/account');
    expect(await databases()).toContain(mine);

    // Back online, signing out sends the work first, then leaves nothing of this learner on the phone.
    await context.setOffline(false);
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${appUrl}/sign-in`);
    expect(await serverProgress(learner, lesson.documentId)).toHaveLength(1);
    expect(await databases()).not.toContain(mine);
    const cachedForLearner = await page.evaluate(async (id) => {
      const keys = await (await caches.open('lms-api')).keys();
      return keys.filter((k) => k.url.endsWith(`lms-user=${id}`)).length;
    }, learner.user.id);
    expect(cachedForLearner).toBe(0);
    await context.close();
  });
});
