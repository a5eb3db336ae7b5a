import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newLearner, useSession } from '../support/accounts';
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

const box = async (locator: Locator) => (await locator.boundingBox())!;
/** Where the text itself is drawn (a block's box spans the whole line whatever the direction). */
const textBox = (locator: Locator) =>
  locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const { x, width } = range.getBoundingClientRect();
    return { x, width };
  });
const direction = (page: Page) =>
  page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));

describe('the Arabic interface', () => {
  it('follows an Arabic browser: right to left, Arabic text, the layout mirrored', async () => {
    const context = await browser.newContext({ locale: 'ar-EG', viewport: PHONE });
    const page = await context.newPage();
    await page.goto(appUrl + '/sign-in');
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(await direction(page)).toEqual({ dir: 'rtl', lang: 'ar' });

    // Logical layout: the start edge is the right edge. Labels and inputs hug the right side of the card,
    // the brand sits at the right end of the header, the language menu at the left.
    const card = await box(page.locator('.card'));
    const label = await textBox(page.getByText('اسم المستخدم أو البريد الإلكتروني', { exact: true }));
    // Compared with each other, not with pixel counts: the width of the Arabic text depends on the fonts installed.
    const startGap = card.x + card.width - (label.x + label.width);
    expect(startGap).toBeLessThan(40);
    expect(label.x - card.x).toBeGreaterThan(startGap);
    const brand = await box(page.locator('header .home'));
    const language = await box(page.getByTestId('language'));
    expect(brand.x).toBeGreaterThan(language.x);

    // An error's accent bar is on the start (right) side.
    await page.getByLabel('اسم المستخدم أو البريد الإلكتروني').fill('nobody');
    await page.getByLabel('كلمة المرور').fill('wrong-password');
    await page.getByRole('button', { name: 'دخول' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('غير صحيحة');
    const borders = await alert.evaluate((el) => {
      const style = getComputedStyle(el);
      return { right: style.borderRightWidth, left: style.borderLeftWidth };
    });
    expect(borders).toEqual({ right: '4px', left: '0px' });
    await expectNoAxeViolations(page, 'sign-in (ar)');
    await screenshot(page, 'sign-in.ar.phone');
    await context.close();
  });

  it('remembers the language chosen in the menu across reloads', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(appUrl + '/sign-up');
    expect(await direction(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await page.getByTestId('language').selectOption('ar');
    await page.getByRole('heading', { name: 'إنشاء حساب' }).waitFor();
    expect(await direction(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await page.reload();
    await page.getByRole('heading', { name: 'إنشاء حساب' }).waitFor();
    expect(await direction(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await expectNoAxeViolations(page, 'sign-up (ar)');
    await screenshot(page, 'sign-up.ar.desktop');
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    expect(await direction(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await context.close();
  });

  it('mirrors the learner shell: tabs start on the right, directional icons point left', async () => {
    const learner = await newLearner(appUrl, 'The Life of the Prophet ﷺ');
    for (const [viewport, size] of [
      [PHONE, 'phone'],
      [DESKTOP, 'desktop'],
    ] as const) {
      const context = await browser.newContext({ locale: 'ar', viewport });
      await useSession(context, learner, 'ar');
      const page = await context.newPage();
      await page.goto(appUrl + '/learn');
      await page.getByTestId('course-card').waitFor();
      expect(await direction(page)).toEqual({ dir: 'rtl', lang: 'ar' });
      const home = await box(page.getByRole('link', { name: 'الرئيسية' }));
      const account = await box(page.getByRole('link', { name: 'الحساب' }));
      if (size === 'phone') expect(home.x).toBeGreaterThan(account.x);
      else expect(home.x + home.width).toBeGreaterThan(DESKTOP.width - 300);
      const forward = page.getByRole('link', { name: 'تابِع' }).locator('svg');
      expect(await forward.evaluate((svg) => getComputedStyle(svg).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
      await expectNoAxeViolations(page, `learner home (ar, ${size})`);
      await screenshot(page, `learner-home.ar.${size}`);

      await page.getByRole('link', { name: 'الحساب' }).click();
      await page.getByRole('heading', { name: 'العمل المحفوظ على هذا الهاتف' }).waitFor();
      await expectNoAxeViolations(page, `account (ar, ${size})`);
      await screenshot(page, `account.ar.${size}`);
      await context.close();
    }
  });
});
