// The offline layer's IndexedDB and sync code, run in Chromium against the real API.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type * as Offline from '../../app/src/lib/offline/index';
import type * as Api from '../../app/src/lib/api/index';
import { findCourse, newLearner } from '../support/accounts';
import { launchChromium } from '../support/browser';
import { bundleForBrowser } from '../support/browser-bundle';

const appUrl = inject('appUrl');
const COURSE = 'Fiqh of Purification and Prayer';
let browser: Browser;
let context: BrowserContext;
let bundle: string;

declare global {
  interface Window {
    lms: typeof Offline & typeof Api;
  }
}

beforeAll(async () => {
  bundle = await bundleForBrowser('tests/support/offline-entry.ts', 'lms');
  browser = await launchChromium();
  // The test drives the modules directly; the app's own service worker stays out of the way.
  context = await browser.newContext({ serviceWorkers: 'block' });
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl + '/sign-in');
  // Through DevTools: the page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(bundle);
  return page;
}

describe('the per-user database', () => {
  it('writes a local change and its outbox row together, or neither', async () => {
    const page = await openPage();
    const result = await page.evaluate(async () => {
      const db = window.lms.openUserDatabase('atomicity' + Date.now());
      const first = await window.lms.recordProgress(db, { lesson: 'l1', course: 'c1', title: 'One', progress: 40 });
      // The next write reuses the first event's id: its outbox row breaks the unique index...
      crypto.randomUUID = () => first.id as ReturnType<Crypto['randomUUID']>;
      const failure = await window.lms
        .recordProgress(db, { lesson: 'l2', course: 'c1', title: 'Two', completed: true })
        .then(() => 'no error')
        .catch((e: Error) => e.name);
      // ...so its local change must not be there either.
      return { failure, progress: await db.progress.toArray(), outbox: await db.outbox.count() };
    });
    expect(result.failure).toBe('ConstraintError');
    expect(result.outbox).toBe(1);
    expect(result.progress.map((p) => [p.lesson, p.progress])).toEqual([['l1', 40]]);
    await page.close();
  });

  it('keeps siblings apart on one phone, and erasing one leaves the other untouched', async () => {
    const page = await openPage();
    const result = await page.evaluate(async () => {
      const stamp = Date.now();
      const maryam = window.lms.openUserDatabase(`maryam${stamp}`);
      const zaid = window.lms.openUserDatabase(`zaid${stamp}`);
      await window.lms.recordProgress(maryam, { lesson: 'l1', course: 'c1', title: 'Hers', completed: true });
      await window.lms.recordProgress(zaid, { lesson: 'l9', course: 'c9', title: 'His', progress: 10 });
      const zaidSees = (await zaid.outbox.toArray()).map((i) => i.title);
      maryam.close();
      await window.lms.eraseUserData({ id: 1, documentId: `maryam${stamp}` });
      const names = (await indexedDB.databases()).map((d) => d.name);
      return {
        zaidSees,
        maryamLeft: names.includes(`lms-user-maryam${stamp}`),
        zaidLeft: names.includes(`lms-user-zaid${stamp}`),
        zaidStill: await zaid.outbox.count(),
      };
    });
    expect(result).toEqual({ zaidSees: ['His'], maryamLeft: false, zaidLeft: true, zaidStill: 1 });
    await page.close();
  });
});

describe('the sync engine', () => {
  it('sends pending items in order, marks each by the server’s answer, and sends nothing twice', async () => {
    const learner = await newLearner(appUrl, COURSE);
    const lessons = (await findCourse(appUrl, COURSE)).lessons;
    const page = await openPage();
    const bodies: string[] = [];
    page.on('request', (r) => r.url().endsWith('/user-progresses/batch') && bodies.push(r.postData()!));
    const result = await page.evaluate(
      async ({ jwt, lessons }) => {
        const db = window.lms.openUserDatabase('sync' + Date.now());
        const api = new window.lms.ApiClient({ current: () => jwt, refresh: async () => null });
        const a = await window.lms.recordProgress(db, { lesson: lessons[0]!, course: 'c', title: 'A', progress: 50 });
        const b = await window.lms.recordProgress(db, {
          lesson: lessons[0]!,
          course: 'c',
          title: 'A',
          completed: true,
        });
        const c = await window.lms.recordProgress(db, { lesson: 'x'.repeat(24), course: 'c', title: 'Gone' });
        const first = await window.lms.syncOutbox(db, api);
        const second = await window.lms.syncOutbox(db, api);
        const items = await db.outbox.orderBy('seq').toArray();
        return { ids: [a.id, b.id, c.id], first, second, items: items.map((i) => [i.state, i.refusal?.status]) };
      },
      { jwt: learner.jwt, lessons: lessons.map((l) => l.documentId) },
    );
    expect(result.first).toEqual({ sent: 2, refused: 1 });
    expect(result.second).toEqual({ sent: 0, refused: 0 });
    expect(result.items).toEqual([
      ['sent', undefined],
      ['sent', undefined],
      ['refused', 404],
    ]);
    expect(bodies).toHaveLength(1);
    expect(JSON.parse(bodies[0]!).data.map((e: { eventId: string }) => e.eventId)).toEqual(result.ids);
    await page.close();
  });

  it('keeps everything pending when the server cannot be reached', async () => {
    const page = await openPage();
    await page.route('**/api/user-progresses/batch', (route) => route.abort('internetdisconnected'));
    const result = await page.evaluate(async () => {
      const db = window.lms.openUserDatabase('unreachable' + Date.now());
      const api = new window.lms.ApiClient({ current: () => 'token', refresh: async () => null });
      await window.lms.recordProgress(db, { lesson: 'l1', course: 'c', title: 'A', completed: true });
      const error = await window.lms.syncOutbox(db, api).catch((e: Error) => e.name);
      return { error, unsent: await window.lms.countUnsent(db) };
    });
    expect(result).toEqual({ error: 'NetworkError', unsent: 1 });
    await page.close();
  });
});

describe('the enrolled courses on the phone', () => {
  it('copies courses, lessons in order and quizzes without their answers', async () => {
    const learner = await newLearner(appUrl, COURSE);
    const page = await openPage();
    const stored = await page.evaluate(async (jwt) => {
      const db = window.lms.openUserDatabase('courses' + Date.now());
      const api = new window.lms.ApiClient({ current: () => jwt, refresh: async () => null });
      await window.lms.refreshEnrolledCourses(db, api);
      const lessons = await db.lessons.orderBy('[course+order]').toArray();
      const quizzes = await db.quizzes.toArray();
      return {
        courses: (await db.courses.toArray()).map((c) => c.title),
        lessons: lessons.map((l) => [l.order, l.type]),
        quizLesson: quizzes.map((q) => lessons.find((l) => l.documentId === q.lesson)?.type),
        questionKeys: [...new Set(quizzes.flatMap((q) => q.questions.flatMap((x) => Object.keys(x as object))))],
      };
    }, learner.jwt);
    expect(stored.courses).toEqual([COURSE]);
    expect(stored.lessons).toEqual([
      [1, 'article'],
      [2, 'video'],
      [3, 'quiz'],
    ]);
    expect(stored.quizLesson).toEqual(['quiz']);
    expect(stored.questionKeys.length).toBeGreaterThan(0);
    expect(stored.questionKeys).not.toContain('answer');
    expect(stored.questionKeys).not.toContain('explanation');
    await page.close();
  });
});

describe('revalidation', () => {
  it('asks with If-None-Match, keeps the copy on 304, copes without ETags, and answers the copy offline', async () => {
    const page = await openPage();
    const asked: (string | null)[] = [];
    let mode: 'no-etag' | 'etag' | 'offline' = 'no-etag';
    await page.route('**/api/instructors*', async (route) => {
      asked.push(route.request().headers()['if-none-match'] ?? null);
      if (mode === 'offline') return route.abort('internetdisconnected');
      if (mode === 'etag' && route.request().headers()['if-none-match'] === '"v1"')
        return route.fulfill({ status: 304 });
      const response = await route.fetch();
      // The worker tags its answers itself: drop its tag so each mode controls what the client sees.
      const { etag: _served, ...headers } = response.headers();
      return route.fulfill({ response, headers: mode === 'etag' ? { ...headers, etag: '"v1"' } : headers });
    });
    const run = () =>
      page.evaluate(async () => {
        const db = window.lms.openUserDatabase('revalidate');
        const api = new window.lms.ApiClient(null);
        const answer = await window.lms.revalidate<{ data: unknown[] }>(db, api, '/instructors', { sort: ['name'] });
        db.close();
        return { source: answer.source, count: answer.body.data.length };
      });
    const fresh = await run();
    expect(fresh.source).toBe('network');
    expect(fresh.count).toBeGreaterThan(0);
    mode = 'etag';
    expect(await run()).toEqual(fresh); // stores v1
    expect(await run()).toEqual({ source: 'not-modified', count: fresh.count });
    mode = 'offline';
    expect(await run()).toEqual({ source: 'offline-copy', count: fresh.count });
    expect(asked).toEqual([null, null, '"v1"', '"v1"']);
    await page.close();
  });
});

describe('the token left for Background Sync', () => {
  it('is handed out only while it is valid for another minute', async () => {
    const page = await openPage();
    const result = await page.evaluate(async () => {
      const db = window.lms.openUserDatabase('credentials' + Date.now());
      const jwt = (exp: number) => `h.${btoa(JSON.stringify({ sub: '1', exp })).replace(/=+$/, '')}.s`;
      const now = Date.now();
      await window.lms.rememberAccessToken(db, jwt(Math.floor(now / 1000) + 600));
      const valid = await window.lms.storedAccessToken(db, now);
      await window.lms.rememberAccessToken(db, jwt(Math.floor(now / 1000) + 30));
      const expiring = await window.lms.storedAccessToken(db, now);
      await window.lms.rememberAccessToken(db, null);
      return { valid: valid !== null, expiring, cleared: await window.lms.storedAccessToken(db, now) };
    });
    expect(result).toEqual({ valid: true, expiring: null, cleared: null });
    await page.close();
  });
});
