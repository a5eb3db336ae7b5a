// The teachers' content editors, clicked through in Chromium: a course with an audio lesson and a quiz
// built, published and seen by a student; lessons reordered from the keyboard; an unsaved edit that
// survives a reload; two people saving the same lesson, the second told of the conflict. Every editor
// page is checked with axe and photographed in English and Arabic, on a desktop and a phone.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiJson, signInDemo, useSession, type SignedIn } from '../support/accounts';
import { unique } from '../support/api';
import { expectNoAxeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { watchPolicyViolations } from '../support/csp-violations';
import { mp3WithId3, png1x1 } from '../support/media-fixtures';
import { DESKTOP, PHONE, screenshot } from '../support/screenshots';

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

/** A draft course of teacher.amina's with these lessons (and a quiz on the quiz lesson), made over the API. */
async function courseWithLessons(titles: string[], types: string[] = []) {
  const { data: course } = await call('POST', '/courses', teacher.jwt, {
    data: { title: unique('Seerah for children '), category: 'seerah' },
  });
  const lessons: { documentId: string; title: string }[] = [];
  for (const [order, title] of titles.entries()) {
    const type = types[order] ?? 'article';
    const { data } = await call('POST', '/lessons', teacher.jwt, {
      data: { title, type, order, course: course.documentId, content: '<p dir="auto">Read along.</p>' },
    });
    if (type === 'quiz')
      await call('POST', '/quizzes', teacher.jwt, {
        data: {
          title,
          lesson: data.documentId,
          questions: [
            {
              id: 'q1',
              type: 'single_choice',
              prompt: 'Where was the Prophet ﷺ born?',
              options: ['Makkah', 'Madinah'],
              answer: 0,
            },
            { id: 'q2', type: 'true_false', prompt: 'Hijrah was to Madinah.', answer: true },
          ],
        },
      });
    lessons.push({ documentId: data.documentId, title });
  }
  return { documentId: course.documentId as string, title: course.title as string, lessons };
}

async function openAs(
  who: SignedIn,
  locale = 'en',
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale });
  await useSession(context, who, locale);
  const page = await context.newPage();
  return { context, page };
}

/** The lesson as the API holds it (teachers see drafts). */
async function lessonOnServer(documentId: string) {
  const { data } = await call('GET', `/lessons/${documentId}?populate[media]=true`, teacher.jwt);
  return data;
}

describe('the course editor', () => {
  it(
    'builds a course with an audio lesson and a quiz, publishes it, and a student sees it',
    { timeout: 180_000 },
    async () => {
      const { context, page } = await openAs(teacher);
      const violations = watchPolicyViolations(page);
      const title = unique('Juz Amma for children ');

      await page.goto(appUrl + '/teach/courses');
      await page.getByRole('heading', { name: 'My courses' }).waitFor();
      await expectNoAxeViolations(page, 'my courses (en)');
      await page.getByLabel('Title of the new course').fill(title);
      await page.getByRole('button', { name: 'Create' }).click();
      await page.waitForURL(/\/teach\/courses\/[a-z0-9]{24}$/);
      const courseId = page.url().split('/').pop()!;

      // Every seed field.
      await page.getByLabel('Description').fill('Short surahs, read slowly. سور قصيرة تُقرأ بتأنٍّ.');
      await page.getByLabel('Category').selectOption('quran');
      await page.getByLabel('Age group').selectOption('children');
      await page.getByLabel('Difficulty').selectOption('intermediate');
      const instructor = page.getByLabel('Instructor');
      await instructor.locator('option').nth(1).waitFor({ state: 'attached' });
      const instructorId = await instructor.locator('option').nth(1).getAttribute('value');
      await instructor.selectOption(instructorId!);
      await page.getByLabel('Estimated duration (minutes)').fill('45');
      await page.getByLabel('Tags').fill('tajweed, juz amma');
      const prerequisite = page.getByRole('checkbox', { name: 'Fiqh of Purification and Prayer' });
      await prerequisite.check();
      await page.locator('input[type=file][accept="image/*"]').setInputFiles({
        name: 'cover.png',
        mimeType: 'image/png',
        buffer: Buffer.from(png1x1()),
      });
      await page.locator('fieldset img').waitFor();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved.');

      const { data: saved } = await call(
        'GET',
        `/courses/${courseId}?populate[instructor]=true&populate[coverImage]=true&populate[prerequisites]=true`,
        teacher.jwt,
      );
      expect(saved).toMatchObject({
        title,
        category: 'quran',
        ageTier: 'children',
        difficulty: 'intermediate',
        estimatedDuration: 45,
        tags: ['tajweed', 'juz amma'],
        isPublished: false,
        instructor: { documentId: instructorId },
        coverImage: { mime: 'image/png' },
        prerequisites: [{ title: 'Fiqh of Purification and Prayer' }],
      });

      // An audio lesson: the file goes up with a progress bar (parts slowed down to see it).
      await page.getByLabel('Title of the new lesson').fill('Surah Al-Fatiha, recited');
      await page.getByLabel('Type', { exact: true }).selectOption('audio');
      await page.getByRole('button', { name: 'Add a lesson' }).click();
      await page.waitForURL(/\/teach\/lessons\/[a-z0-9]{24}$/);
      const audioLessonId = page.url().split('/').pop()!;
      await page.route('**/api/upload/sessions/*/parts/*', async (route) => {
        await new Promise((r) => setTimeout(r, 800));
        await route.continue();
      });
      await page.locator('input[type=file][accept="audio/*"]').setInputFiles({
        name: 'al-fatiha.mp3',
        mimeType: 'audio/mpeg',
        buffer: Buffer.from(mp3WithId3()),
      });
      await page.getByTestId('upload-progress').getByRole('progressbar').waitFor();
      await expect.poll(() => page.getByTestId('media-name').textContent()).toBe('al-fatiha.mp3');
      await page.unroute('**/api/upload/sessions/*/parts/*');

      // Mixed English and Arabic lines: each paragraph takes its own direction.
      const surface = page.getByRole('textbox', { name: 'Content' });
      await surface.click();
      await page.keyboard.type('Listen, then repeat each verse.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+b');
      await page.keyboard.type('Tajweed');
      await page.keyboard.press('Control+b');
      await page.keyboard.type(' rule of the week');
      const arabicLine = surface.locator('p', { hasText: 'بِسْمِ' });
      expect(await arabicLine.getAttribute('dir')).toBe('auto');
      expect(await arabicLine.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
      expect(await surface.locator('p', { hasText: 'Listen' }).evaluate((p) => getComputedStyle(p).direction)).toBe(
        'ltr',
      );
      await page.getByLabel('Duration (minutes)').fill('6');
      await expectNoAxeViolations(page, 'lesson editor, audio (en)');
      await screenshot(page, 'teacher-lesson-editor-audio.en.desktop');

      // What Tiptap sends is what the server keeps: the sanitizer leaves its output unchanged.
      const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().includes(`/api/lessons/${audioLessonId}`));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const sent = JSON.parse((await put).postData()!).data.content as string;
      await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved.');
      const audioLesson = await lessonOnServer(audioLessonId);
      expect(sent).toContain('<strong>Tajweed</strong>');
      expect(audioLesson.content).toBe(sent);
      expect(audioLesson).toMatchObject({
        type: 'audio',
        duration: 6,
        media: { name: 'al-fatiha.mp3', mime: 'audio/mpeg' },
      });

      // A quiz lesson with a question of each kind the builder offers first.
      await page.getByRole('link', { name: title }).click();
      await page.getByLabel('Title of the new lesson').fill('Check your tajweed');
      await page.getByLabel('Type', { exact: true }).selectOption('quiz');
      await page.getByRole('button', { name: 'Add a lesson' }).click();
      await page.waitForURL(/\/teach\/lessons\/[a-z0-9]{24}$/);
      const quizLessonId = page.url().split('/').pop()!;
      await page.getByRole('button', { name: 'Create the quiz' }).click();
      const quiz = page.locator('section', { has: page.getByRole('heading', { name: 'Quiz', exact: true }) });
      await quiz.getByLabel('Passing score (%)').waitFor();
      await quiz.getByLabel('Passing score (%)').fill('60');
      await quiz.getByLabel('Time limit (minutes)').fill('5');
      await quiz.getByLabel('Show the questions in a random order').check();
      await quiz.getByLabel('Show the right answers').selectOption('after_passing');
      await quiz.getByRole('button', { name: 'Add a question' }).click();
      const first = quiz.getByTestId('question').nth(0);
      await first.getByLabel('Question', { exact: true }).fill('Which surah opens the Quran?');
      await first.getByLabel('Option 1', { exact: true }).fill('Al-Baqarah');
      await first.getByLabel('Option 2', { exact: true }).fill('Al-Fatiha');
      await first.getByLabel('Right answer: Option 2').check();
      await quiz.getByLabel('Question type', { exact: true }).last().selectOption('true_false');
      await quiz.getByRole('button', { name: 'Add a question' }).click();
      const second = quiz.getByTestId('question').nth(1);
      await second.getByLabel('Question', { exact: true }).fill('Al-Fatiha has seven verses.');
      await second.getByRole('radio', { name: 'True' }).check();
      await expectNoAxeViolations(page, 'quiz builder (en)');
      await screenshot(page, 'teacher-quiz-builder.en.desktop');
      await quiz.getByRole('button', { name: 'Preview as a student' }).click();
      const preview = page.getByTestId('quiz-preview');
      await preview.waitFor();
      expect(await preview.textContent()).toContain('Which surah opens the Quran?');
      await expectNoAxeViolations(page, 'quiz preview (en)');
      await screenshot(page, 'teacher-quiz-preview.en.desktop');
      await quiz.getByRole('button', { name: 'Back to editing' }).click();
      await quiz.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => quiz.getByTestId('save-state').textContent()).toBe('Saved.');

      // Publish, from the course page.
      await page.getByRole('link', { name: title }).click();
      await page.getByRole('button', { name: 'Publish' }).click();
      await expect.poll(() => page.getByTestId('publish-state').textContent()).toContain('Published');
      await page.getByRole('button', { name: 'Preview as a student' }).click();
      await page.getByTestId('course-preview').waitFor();
      expect(await page.getByTestId('course-preview').textContent()).toContain('Surah Al-Fatiha, recited');
      expect(violations()).toEqual([]);
      await context.close();

      // A student (and anyone in the catalogue) now finds it, with both lessons, and the quiz without answers.
      const student = await signInDemo(appUrl, 'ali');
      const query = `filters[title][$eq]=${encodeURIComponent(title)}&populate[lessons][sort][0]=order:asc&populate[lessons][populate][media]=true`;
      const { data: catalogue } = await call('GET', `/courses?${query}`, student.jwt);
      expect(catalogue).toHaveLength(1);
      expect(catalogue[0]).toMatchObject({ isPublished: true, category: 'quran' });
      expect(catalogue[0].lessons.map((l: any) => [l.documentId, l.type])).toEqual([
        [audioLessonId, 'audio'],
        [quizLessonId, 'quiz'],
      ]);
      expect(catalogue[0].lessons[0].media.url).toMatch(/^\/uploads\//);
      const { data: quizzes } = await call(
        'GET',
        `/quizzes?filters[lesson][documentId][$eq]=${quizLessonId}`,
        student.jwt,
      );
      const { data: seen } = await call('GET', `/quizzes/${quizzes[0].documentId}`, student.jwt);
      expect(seen).toMatchObject({
        passingScore: 60,
        timeLimit: 300,
        randomizeQuestions: true,
        showCorrectAnswers: 'after_passing',
      });
      expect(seen.questions).toEqual([
        {
          id: expect.any(String),
          type: 'single_choice',
          prompt: 'Which surah opens the Quran?',
          points: 1,
          options: ['Al-Baqarah', 'Al-Fatiha'],
        },
        { id: expect.any(String), type: 'true_false', prompt: 'Al-Fatiha has seven verses.', points: 1 },
      ]);
      const { data: anonymous } = await call('GET', `/courses?${query}`, null);
      expect(anonymous).toHaveLength(1);
    },
  );

  it('reorders lessons with the keyboard, and the new order is saved', { timeout: 90_000 }, async () => {
    const course = await courseWithLessons(['The year of the elephant', 'Halimah', 'The first revelation']);
    const { context, page } = await openAs(teacher);
    await page.goto(`${appUrl}/teach/courses/${course.documentId}`);
    const handle = page.getByRole('button', { name: /^Move “The year of the elephant”/ });
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    /** A key on the focused handle; focus follows the moved lesson to its new place. */
    const press = async (key: string, position: number) => {
      await page.keyboard.press(key);
      await expect.poll(focused).toBe(`Move “The year of the elephant”, position ${position} of 3`);
    };
    await handle.focus();
    await press('ArrowDown', 2);
    await press('ArrowDown', 3);
    await page.getByText('“The year of the elephant” is now at position 3 of 3.').waitFor({ state: 'attached' });
    await press('ArrowDown', 3);
    await press('Home', 1);
    await press('ArrowDown', 2);
    const expected = ['Halimah', 'The year of the elephant', 'The first revelation'];
    expect(await page.getByTestId('lesson-list').locator('li a').allTextContents()).toEqual(expected);
    await expect
      .poll(async () => {
        const { data } = await call(
          'GET',
          `/courses/${course.documentId}?populate[lessons][sort][0]=order:asc`,
          teacher.jwt,
        );
        return data.lessons.map((l: any) => l.title);
      })
      .toEqual(expected);
    await page.reload();
    await page.getByTestId('lesson-list').locator('li').first().waitFor();
    expect(await page.getByTestId('lesson-list').locator('li a').allTextContents()).toEqual(expected);

    // And by dragging: the last lesson dropped on the first takes its place.
    const items = page.getByTestId('lesson-list').locator('li');
    await items.nth(2).dragTo(items.nth(0));
    const dragged = ['The first revelation', 'Halimah', 'The year of the elephant'];
    await expect.poll(() => page.getByTestId('lesson-list').locator('li a').allTextContents()).toEqual(dragged);
    await expect
      .poll(async () => {
        const { data } = await call(
          'GET',
          `/courses/${course.documentId}?populate[lessons][sort][0]=order:asc`,
          teacher.jwt,
        );
        return data.lessons.map((l: any) => l.title);
      })
      .toEqual(dragged);

    // Deleting a lesson asks first, then lands back on the course without it.
    await page.getByRole('link', { name: 'The first revelation' }).click();
    await page.getByLabel('Title', { exact: true }).waitFor();
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toBe('Delete the lesson “The first revelation”? This cannot be undone.');
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Delete lesson' }).click();
    await page.waitForURL(`${appUrl}/teach/courses/${course.documentId}`);
    await expect
      .poll(() => page.getByTestId('lesson-list').locator('li a').allTextContents())
      .toEqual(['Halimah', 'The year of the elephant']);
    await context.close();
  });
});

describe('rich text', () => {
  it('keeps on the server everything the editor writes, directions included', { timeout: 90_000 }, async () => {
    const course = await courseWithLessons(['Manners of the masjid']);
    const lessonId = course.lessons[0]!.documentId;
    const { context, page } = await openAs(teacher);
    await page.goto(`${appUrl}/teach/lessons/${lessonId}`);
    const surface = page.getByRole('textbox', { name: 'Content' });
    await surface.waitFor();
    // Every node and mark the toolbar and Tiptap's shortcuts can make, then directions set by hand.
    await surface.evaluate((element) => {
      const editor = (element as HTMLElement & { editor: any }).editor;
      editor.commands.setContent(
        '<h2>Entering the masjid</h2><h3>الدعاء</h3><p>Say <strong>bismillah</strong>, <em>step</em> in with the <u>right</u> foot, <s>not</s> the left; <code>x</code> <a href="https://sunnah.com/muslim:713">Muslim 713</a><br>and then:</p>' +
          '<blockquote><p>اللَّهُمَّ افْتَحْ لِي أَبْوَابَ رَحْمَتِكَ</p></blockquote><ul><li><p>one</p></li><li><p>اثنان</p></li></ul>' +
          '<ol start="3"><li><p>three</p></li></ol><pre><code class="language-text">code &lt; block</code></pre><hr><p>Recite <span class="quran-verse" lang="ar" dir="rtl">قُلْ هُوَ اللَّهُ أَحَدٌ</span> daily.</p><p>English, then العربية in one line.</p>',
      );
      editor.chain().setTextSelection(1).setTextDirection('ltr').run();
      editor
        .chain()
        .setTextSelection(editor.state.doc.content.size - 2)
        .setTextDirection('rtl')
        .run();
    });
    await surface.click();
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().includes(`/api/lessons/${lessonId}`));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const sent = JSON.parse((await put).postData()!).data.content as string;
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved.');
    const kept = (await lessonOnServer(lessonId)).content as string;
    for (const part of [
      '<h2 dir="ltr">',
      '<h3 dir="auto">',
      '<blockquote dir="auto">',
      '<li dir="auto">',
      '<hr dir="auto">',
    ]) {
      expect(sent).toContain(part);
    }
    expect(sent).toMatch(/<p dir="rtl">English, then العربية in one line\.!?<\/p>/);
    // The same document, attribute for attribute (the sanitizer may write a link's attributes in another order).
    expect(
      await page.evaluate(
        ([a, b]) => {
          const parse = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
          return parse(a!).isEqualNode(parse(b!));
        },
        [sent, kept] as const,
      ),
    ).toBe(true);
    await context.close();
  });
});

describe('unsaved work', () => {
  it('survives a reload, after the browser warned about leaving', { timeout: 90_000 }, async () => {
    const course = await courseWithLessons(['The cave of Hira']);
    const lessonId = course.lessons[0]!.documentId;
    const { context, page } = await openAs(teacher);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.goto(`${appUrl}/teach/lessons/${lessonId}`);
    await page.getByRole('textbox', { name: 'Content' }).waitFor();
    await page.getByLabel('Title', { exact: true }).fill('The cave of Hira (revised)');
    await page.getByRole('textbox', { name: 'Content' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' اقرأ باسم ربك');
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Unsaved changes');

    await page.reload();
    expect(dialogs).toEqual(['beforeunload']);
    await page.getByText(/Your unsaved changes from .* were restored from this device\./).waitFor();
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('The cave of Hira (revised)');
    await page.getByRole('textbox', { name: 'Content' }).getByText('اقرأ باسم ربك', { exact: false }).waitFor();
    // Nothing reached the server until the teacher saves.
    expect((await lessonOnServer(lessonId)).title).toBe('The cave of Hira');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.getByTestId('save-state').textContent()).toBe('Saved.');
    const saved = await lessonOnServer(lessonId);
    expect(saved.title).toBe('The cave of Hira (revised)');
    expect(saved.content).toContain('اقرأ باسم ربك');

    // Moving elsewhere in the app with unsaved changes asks first; saying no stays.
    await page.getByLabel('Title', { exact: true }).fill('Another title');
    page.removeAllListeners('dialog');
    page.once('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: course.title }).click();
    await expect.poll(() => dialogs.at(-1)).toBe('confirm');
    expect(page.url()).toContain(`/teach/lessons/${lessonId}`);
    await context.close();
  });
});

describe('two people editing one lesson', () => {
  it('tells the second saver of the conflict, and offers both ways out', { timeout: 90_000 }, async () => {
    const course = await courseWithLessons(['Hijrah to Madinah']);
    const lessonId = course.lessons[0]!.documentId;
    const amina = await openAs(teacher);
    const chief = await openAs(admin);
    for (const { page } of [amina, chief]) {
      await page.goto(`${appUrl}/teach/lessons/${lessonId}`);
      await page.getByLabel('Title', { exact: true }).waitFor();
    }
    await amina.page.getByLabel('Title', { exact: true }).fill('Hijrah to Madinah (Amina)');
    await amina.page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => amina.page.getByTestId('save-state').textContent()).toBe('Saved.');

    await chief.page.getByLabel('Title', { exact: true }).fill('Hijrah to Madinah (admin)');
    await chief.page.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = chief.page.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('teacher.amina saved this at');
    await expectNoAxeViolations(chief.page, 'save conflict (en)');
    await screenshot(chief.page, 'teacher-save-conflict.en.desktop');
    expect((await lessonOnServer(lessonId)).title).toBe('Hijrah to Madinah (Amina)');

    // "Keep mine" saves over it, knowingly; Amina's next save from her stale copy is refused in turn.
    await conflict.getByRole('button', { name: 'Keep mine and save over it' }).click();
    await expect.poll(() => chief.page.getByTestId('save-state').textContent()).toBe('Saved.');
    expect((await lessonOnServer(lessonId)).title).toBe('Hijrah to Madinah (admin)');
    await amina.page.getByLabel('Duration (minutes)').fill('12');
    await amina.page.getByRole('button', { name: 'Save', exact: true }).click();
    await amina.page.getByTestId('conflict').waitFor();
    expect(await amina.page.getByTestId('conflict').textContent()).toContain('admin saved this at');

    // "Load their version" drops hers and shows the admin's.
    await amina.page.getByRole('button', { name: 'Load their version' }).click();
    await expect
      .poll(() => amina.page.getByLabel('Title', { exact: true }).inputValue())
      .toBe('Hijrah to Madinah (admin)');
    expect(await amina.page.getByTestId('conflict').count()).toBe(0);
    await amina.context.close();
    await chief.context.close();
  });
});

describe('every editor page, in both languages and on both screens', () => {
  it('has no accessibility violations and is photographed', { timeout: 240_000 }, async () => {
    const course = await courseWithLessons(
      ['Makkah before Islam', 'الهجرة إلى المدينة', 'Quiz: the early years'],
      ['audio', 'article', 'quiz'],
    );
    const [audio, , quiz] = course.lessons;
    const pages = [
      { name: 'teacher-courses', path: '/teach/courses', ready: 'main li a' },
      {
        name: 'teacher-course-editor',
        path: `/teach/courses/${course.documentId}`,
        ready: '[data-testid=lesson-list] li',
      },
      {
        name: 'teacher-course-preview',
        path: `/teach/courses/${course.documentId}`,
        ready: '[data-testid=lesson-list] li',
        then: (page: Page) => page.locator('header button[aria-pressed]').click(),
        shown: '[data-testid=course-preview]',
      },
      { name: 'teacher-lesson-editor', path: `/teach/lessons/${audio!.documentId}`, ready: '.rich-text' },
      {
        name: 'teacher-lesson-preview',
        path: `/teach/lessons/${audio!.documentId}`,
        ready: '.rich-text',
        then: (page: Page) => page.locator('header button[aria-pressed]').click(),
        shown: '[data-testid=lesson-preview]',
      },
      { name: 'teacher-quiz-builder', path: `/teach/lessons/${quiz!.documentId}`, ready: '[data-testid=question]' },
    ];
    for (const locale of ['en', 'ar']) {
      for (const [viewport, size] of [
        [DESKTOP, 'desktop'],
        [PHONE, 'phone'],
      ] as const) {
        const { context, page } = await openAs(teacher, locale, viewport);
        // Only looking: no page may think it holds unsaved work (the leave prompt would say so).
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(`${dialog.type()} on ${page.url()}`);
          void dialog.accept();
        });
        for (const entry of pages) {
          await page.goto(appUrl + entry.path);
          await page
            .locator(entry.ready)
            .first()
            .waitFor()
            .catch((error: Error) => {
              throw new Error(`${entry.name} (${locale}, ${size}) at ${page.url()}: ${error.message}`);
            });
          if (entry.then) {
            await entry.then(page);
            await page.locator(entry.shown!).waitFor();
          }
          expect(await page.evaluate(() => document.documentElement.dir)).toBe(locale === 'ar' ? 'rtl' : 'ltr');
          if (locale === 'ar') {
            // The editor's own words too, not only the shell's.
            const text = (await page.locator('main').textContent()) ?? '';
            for (const english of ['Preview as a student', 'Back to editing', 'Lessons', 'Content', 'Save'])
              expect(text, `${entry.name} (ar, ${size})`).not.toContain(english);
          }
          await expectNoAxeViolations(page, `${entry.name} (${locale}, ${size})`);
          await screenshot(page, `${entry.name}.${locale}.${size}`);
        }
        expect(dialogs).toEqual([]);
        await context.close();
      }
    }
  });
});
