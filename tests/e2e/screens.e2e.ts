// Every page of the foundation, in English and Arabic, on a phone and a desktop: axe finds nothing, and a
// screenshot of each is kept in test-results/screenshots/ for people to look at.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { newLearner, signInDemo, useSession, type SignedIn } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
let browser: Browser;
let learner: SignedIn;

beforeAll(async () => {
  browser = await launchChromium();
  learner = await newLearner(appUrl, 'Fiqh of Purification and Prayer');
});

afterAll(async () => {
  await browser?.close();
});

const pages: { name: string; path: string; who?: () => Promise<SignedIn>; ready: string }[] = [
  { name: 'sign-in', path: '/sign-in', ready: 'form' },
  { name: 'sign-up', path: '/sign-up', ready: 'form' },
  { name: 'learner-home', path: '/learn', who: async () => learner, ready: '[data-testid=course-card]' },
  {
    name: 'learner-account',
    path: '/learn/account',
    who: async () => learner,
    ready: '[data-testid=outbox] ul, [data-testid=outbox] p',
  },
  {
    name: 'family-home',
    path: '/family',
    who: () => signInDemo(appUrl, 'parent.fatima'),
    ready: '[data-testid=child-view]',
  },
  { name: 'teach-home', path: '/teach', who: () => signInDemo(appUrl, 'teacher.amina'), ready: 'main h1' },
  { name: 'admin-home', path: '/admin', who: () => signInDemo(appUrl, 'admin'), ready: 'main h1' },
  { name: 'not-found', path: '/no-such-page', ready: 'main h1' },
];

describe('every page, in both languages and on both screens', () => {
  for (const locale of ['en', 'ar']) {
    it(
      `has no accessibility violations in ${locale === 'en' ? 'English' : 'Arabic'}`,
      { timeout: 180_000 },
      async () => {
        for (const { name, path, who, ready } of pages) {
          for (const [viewport, size] of [
            [PHONE, 'phone'],
            [DESKTOP, 'desktop'],
          ] as const) {
            const context = await browser.newContext({ viewport, locale });
            if (who) await useSession(context, await who(), locale);
            const page = await context.newPage();
            await page.goto(appUrl + path);
            await page.locator(ready).first().waitFor();
            await expectNoAxeViolations(page, `${name} (${locale}, ${size})`);
            await screenshot(page, `${name}.${locale}.${size}`);
            await context.close();
          }
        }
      },
    );
  }
});
