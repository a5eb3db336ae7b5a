// The interactive activity editor, clicked through in Chromium: a teacher writes flashcards (one side in
// Arabic) and a put-in-order activity, moves a card and an item from the keyboard, is stopped on the
// device by what the server would refuse, previews and saves; a student then plays both in the saved
// order. Unsaved activity edits survive a reload, and a save over someone else's is reported. The
// editor is checked with axe and photographed in English and Arabic.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiJson, newLearner, signInDemo, useSession, type SignedIn } from '../support/accounts';
import { unique } from '../support/api';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { watchPolicyViolations } from '../support/csp-violations';
import { DESKTOP, screenshot } from '../support/screenshots';

const appUrl = inject('appUrl');
let browser: Browser;
let teacher: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  browser = await launchChromium();
  [teacher, admin] = await Promise.all([signInDemo(appUrl, 'teacher.amina'), signInDemo(appUrl, 'admin')]);
});

afterAll(async () => {
  await browser?.close();
});

const call = (method: string, path: string, token: string | null, body?: unknown) =>
  apiJson(method, `${appUrl}/api${path}`, token, body);

/** A course of teacher.amina's, published so a student can enrol (its lessons are added by the tests). */
async function newCourse(title = unique('Names of Allah ')) {
  const { data } = await call('POST', '/courses', teacher.jwt, {
    data: { title, category: 'aqeedah', isPublished: true },
  });
  return { documentId: data.documentId as string, title };
}

async function openAs(who: SignedIn, locale = 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: DESKTOP, locale, serviceWorkers: 'block' });
  await useSession(context, who, locale);
  return { context, page: await context.newPage() };
}

const lessonOnServer = async (documentId: string) => (await call('GET', `/lessons/${documentId}`, teacher.jwt)).data;

/** Adds a lesson of this type from the course page; answers its id once its editor is open. */
async function addLesson(page: Page, course: string, title: string, type: string) {
  await page.goto(`${appUrl}/teach/courses/${course}`);
  await page.getByLabel('Title of the new lesson').fill(title);
  await page.getByLabel('Type', { exact: true }).selectOption(type);
  await page.getByRole('button', { name: 'Add a lesson' }).click();
  await page.waitForURL(/\/teach\/lessons\/[a-z0-9]{24}/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
const save = (page: Page) => page.getByRole('button', { name: 'Save', exact: true }).click();
const saveState = (page: Page) => page.getByTestId('save-state').textContent();

const CARDS = [
  { front: 'ٱلرَّحْمَٰنُ', frontLang: 'ar', back: 'The Most Merciful' },
  { front: 'Patience', back: 'Sabr: holding firm for the sake of Allah' },
  { front: 'Gratitude', back: 'Shukr' },
];
const ITEMS = ['Shahadah', 'Salah', 'Zakah', 'Sawm'];

describe('the interactive activity editor', () => {
  it(
    'writes flashcards and a put-in-order activity that a student then plays in the saved order',
    { timeout: 240_000 },
    async () => {
      const course = await newCourse();
      const { context, page } = await openAs(teacher);
      const violations = watchPolicyViolations(page);
      const puts: string[] = [];
      page.on('request', (r) => r.method() === 'PUT' && r.url().includes('/api/lessons/') && puts.push(r.url()));

      // A new interactive lesson opens with a blank card to fill in.
      const cardsLessonId = await addLesson(page, course.documentId, 'The beautiful names', 'interactive');
      await page.getByTestId('activity-editor').waitFor();
      expect(await page.getByRole('radio', { name: 'Flashcards' }).isChecked()).toBe(true);

      // Saving it blank is stopped on the device, each problem beside its field; nothing is sent.
      await save(page);
      const first = page.getByTestId('card').nth(0);
      await first.getByText('Required.').first().waitFor();
      expect(await first.getByText('Required.').count()).toBe(2);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
      expect(puts).toEqual([]);

      // Three cards, the first one's front in Arabic: right to left, in the Arabic font.
      for (const [index, card] of CARDS.entries()) {
        if (index > 0) await page.getByRole('button', { name: 'Add a card' }).click();
        const fields = page.getByTestId('card').nth(index);
        await fields.getByLabel('Front', { exact: true }).fill(card.front);
        if (card.frontLang) await fields.getByLabel('Language of the front').selectOption(card.frontLang);
        await fields.getByLabel('Back', { exact: true }).fill(card.back);
      }
      const arabicFront = first.getByLabel('Front', { exact: true });
      expect(await arabicFront.getAttribute('lang')).toBe('ar');
      expect(await arabicFront.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      expect(await arabicFront.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^Amiri/);
      await expect
        .poll(() =>
          page.evaluate(() =>
            document.fonts.ready.then(() =>
              [...document.fonts].some((f) => f.family.includes('Amiri') && f.status === 'loaded'),
            ),
          ),
        )
        .toBe(true);
      expect(await page.getByText('Required.').count()).toBe(0);

      // The last card moved up one place from its handle, with the keyboard; focus stays on it.
      await page.getByRole('button', { name: 'Move card 3 of 3' }).focus();
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => focusedLabel(page)).toBe('Move card 2 of 3');
      await page.getByText('The card is now card 2 of 3.').waitFor({ state: 'attached' });
      const fronts = () =>
        page
          .getByTestId('card')
          .getByLabel('Front', { exact: true })
          .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
      const saved = [CARDS[0]!, CARDS[2]!, CARDS[1]!];
      expect(await fronts()).toEqual(saved.map((c) => c.front));
      await expectNoAxeViolations(page, 'flashcards editor (en)');
      await screenshot(page, 'teacher-interactive-flashcards.en.desktop');

      // The preview is the learner's own player, from the form as it is.
      await page.getByRole('button', { name: 'Preview as a student' }).click();
      const preview = page.getByTestId('lesson-preview');
      await preview.getByTestId('flashcard').waitFor();
      expect(await preview.getByTestId('flashcard').textContent()).toContain(CARDS[0]!.front);
      await expectNoAxeViolations(page, 'flashcards preview (en)');
      await screenshot(page, 'teacher-interactive-preview.en.desktop');
      await page.getByRole('button', { name: 'Back to editing' }).click();

      await save(page);
      await expect.poll(() => saveState(page)).toBe('Saved.');
      const cardsLesson = await lessonOnServer(cardsLessonId);
      expect(cardsLesson.type).toBe('interactive');
      expect(cardsLesson.interactive).toEqual({ kind: 'flashcards', cards: saved });

      // A put-in-order activity in a second lesson: an item added last and moved into its place.
      const orderLessonId = await addLesson(page, course.documentId, 'The pillars, in order', 'interactive');
      await page.getByRole('radio', { name: 'Put in order' }).check();
      await page.getByLabel('What the student is asked').fill('Put the pillars of Islam in order.');
      await page.getByLabel('Language of the items').selectOption('en');
      const items = page.getByTestId('item');
      await items.nth(0).getByLabel('Item 1').fill('Shahadah');
      await items.nth(1).getByLabel('Item 2').fill('Zakah');
      await page.getByRole('button', { name: 'Add an item' }).click();
      await items.nth(2).getByLabel('Item 3').fill('Zakah');
      await page.getByRole('button', { name: 'Add an item' }).click();
      await items.nth(3).getByLabel('Item 4').fill('Sawm');
      // The same item twice is refused, as the server would, beside the repeat.
      await save(page);
      await items.nth(2).getByText('Already in the list: every item must be different.').waitFor();
      expect(puts).toHaveLength(1);
      await items.nth(2).getByLabel('Item 3').fill('Salah');
      await page.getByRole('button', { name: 'Move item 3 of 4' }).focus();
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => focusedLabel(page)).toBe('Move item 2 of 4');
      await expectNoAxeViolations(page, 'put-in-order editor (en)');
      await screenshot(page, 'teacher-interactive-order.en.desktop');
      await save(page);
      await expect.poll(() => saveState(page)).toBe('Saved.');
      expect((await lessonOnServer(orderLessonId)).interactive).toEqual({
        kind: 'order',
        prompt: 'Put the pillars of Islam in order.',
        items: ITEMS,
        itemsLang: 'en',
      });
      expect(violations()).toEqual([]);
      await context.close();

      // A student plays both: the cards in the saved order, the items put back in theirs.
      const student = await newLearner(appUrl, course.title);
      const learner = await openAs(student);
      await learner.page.goto(`${appUrl}/learn/lessons/${cardsLessonId}`);
      const card = learner.page.getByTestId('flashcard');
      for (const expected of saved) {
        await expect.poll(() => card.textContent()).toContain(expected.front);
        await card.click();
        await expect.poll(() => card.textContent()).toContain(expected.back);
        await learner.page.getByRole('button', { name: 'I knew it' }).click();
      }
      await learner.page.getByText('Well done! You finished the activity.').waitFor();

      await learner.page.goto(`${appUrl}/learn/lessons/${orderLessonId}`);
      await learner.page.getByText('Put the pillars of Islam in order.').waitFor();
      const rows = learner.page.getByTestId('order-item');
      const texts = async () => (await rows.locator('.text').allTextContents()).map((t) => t.trim());
      for (let target = 0; target < ITEMS.length; target++) {
        const current = (await texts()).indexOf(ITEMS[target]!);
        await rows.nth(current).locator('.item').focus();
        for (let i = current; i > target; i--) await learner.page.keyboard.press('Alt+ArrowUp');
      }
      expect(await texts()).toEqual(ITEMS);
      await learner.page.getByRole('button', { name: 'Check my order' }).click();
      await learner.page.getByText('Well done! You finished the activity.').waitFor();
      await learner.context.close();

      // The editor in Arabic: its own words, right to left, no axe violations.
      const arabic = await openAs(teacher, 'ar');
      for (const [name, id] of [
        ['flashcards', cardsLessonId],
        ['order', orderLessonId],
      ] as const) {
        await arabic.page.goto(`${appUrl}/teach/lessons/${id}`);
        await arabic.page.getByTestId('activity-editor').waitFor();
        expect(await arabic.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        const text = (await arabic.page.locator('main').textContent()) ?? '';
        for (const english of ['Flashcards', 'Put in order', 'Front', 'Add a card', 'Add an item', 'Save'])
          expect(text, name).not.toContain(english);
        await expectNoAxeViolations(arabic.page, `${name} editor (ar)`);
        await screenshot(arabic.page, `teacher-interactive-${name}.ar.desktop`);
      }
      await arabic.context.close();
    },
  );

  it(
    'keeps unsaved activity edits over a reload, and reports a save made meanwhile',
    { timeout: 120_000 },
    async () => {
      const course = await newCourse();
      const { data: lesson } = await call('POST', '/lessons', teacher.jwt, {
        data: {
          title: 'Words of remembrance',
          type: 'interactive',
          course: course.documentId,
          interactive: { kind: 'flashcards', cards: [{ front: 'SubhanAllah', back: 'Glory be to Allah' }] },
        },
      });
      const { context, page } = await openAs(teacher);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      });
      await page.goto(`${appUrl}/teach/lessons/${lesson.documentId}`);
      await page.getByTestId('activity-editor').waitFor();
      await page.getByRole('button', { name: 'Add a card' }).click();
      const second = page.getByTestId('card').nth(1);
      await second.getByLabel('Front', { exact: true }).fill('الحمد لله');
      await second.getByLabel('Language of the front').selectOption('ar');
      await second.getByLabel('Back', { exact: true }).fill('All praise is for Allah');
      await expect.poll(() => saveState(page)).toBe('Unsaved changes');
      // Cards move by dragging too: the new card dropped on the first takes its place, then goes back.
      const handles = page.getByTestId('cards').locator('[data-handle]');
      const cards = page.getByTestId('cards').locator(':scope > li');
      const fronts = () =>
        page
          .getByTestId('card')
          .getByLabel('Front', { exact: true })
          .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
      await handles.nth(1).dragTo(cards.nth(0));
      await expect.poll(fronts).toEqual(['الحمد لله', 'SubhanAllah']);
      await handles.nth(1).dragTo(cards.nth(0));
      await expect.poll(fronts).toEqual(['SubhanAllah', 'الحمد لله']);

      await page.reload();
      expect(dialogs).toEqual(['beforeunload']);
      await page.getByText(/Your unsaved changes from .* were restored from this device\./).waitFor();
      const restored = page.getByTestId('card').nth(1);
      expect(await restored.getByLabel('Front', { exact: true }).inputValue()).toBe('الحمد لله');
      expect(await restored.getByLabel('Language of the front').inputValue()).toBe('ar');
      expect((await lessonOnServer(lesson.documentId)).interactive.cards).toHaveLength(1);

      // Someone else saves the lesson meanwhile: this save is told, not written over theirs.
      await call('PUT', `/lessons/${lesson.documentId}`, admin.jwt, {
        data: { title: 'Words of remembrance (admin)' },
      });
      await save(page);
      const conflict = page.getByTestId('conflict');
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain('admin saved this at');
      expect((await lessonOnServer(lesson.documentId)).interactive.cards).toHaveLength(1);
      await conflict.getByRole('button', { name: 'Keep mine and save over it' }).click();
      await expect.poll(() => saveState(page)).toBe('Saved.');
      expect((await lessonOnServer(lesson.documentId)).interactive.cards).toEqual([
        { front: 'SubhanAllah', back: 'Glory be to Allah' },
        { front: 'الحمد لله', frontLang: 'ar', back: 'All praise is for Allah' },
      ]);
      await context.close();
    },
  );
});
