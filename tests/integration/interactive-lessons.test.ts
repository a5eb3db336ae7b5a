import { describe, expect, it } from 'vitest';
import { api, tokenFor, unique } from '../support/api';

async function ownCourse(token: string) {
  const r = await api('/api/courses', { token, body: { data: { title: unique('Course '), category: 'hadith' } } });
  expect(r.status).toBe(201);
  return r.body.data.documentId as string;
}

const flashcards = {
  kind: 'flashcards',
  cards: [
    { front: 'ٱلرَّحْمَٰنُ', frontLang: 'ar', back: 'The Most Merciful' },
    { front: 'ٱلْمَلِكُ', frontLang: 'ar', back: 'The King' },
  ],
};
const order = { kind: 'order', prompt: 'Put the pillars in order.', items: ['Shahadah', 'Salah', 'Zakah'] };

describe('interactive lessons', () => {
  it('keeps a valid activity of each kind and answers it to students', async () => {
    const token = await tokenFor('teacher.yusuf');
    const course = await ownCourse(token);
    for (const activity of [flashcards, order]) {
      const created = await api('/api/lessons', {
        token,
        body: { data: { title: unique('Practice '), type: 'interactive', course, interactive: activity } },
      });
      expect(created.status).toBe(201);
      expect(created.body.data.interactive).toEqual(activity);
    }
  });

  it('refuses an interactive lesson without an activity, or with one that does not fit its kind, saying where', async () => {
    const token = await tokenFor('teacher.yusuf');
    const course = await ownCourse(token);
    const write = (data: object) =>
      api('/api/lessons', { token, body: { data: { title: unique('Practice '), course, ...data } } });

    const missing = await write({ type: 'interactive' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.name).toBe('ValidationError');
    expect(missing.body.error.message).toContain('an interactive lesson needs its activity');
    expect(missing.body.error.details.errors[0].path).toEqual(['data', 'interactive']);

    const unknownKind = await write({ type: 'interactive', interactive: { kind: 'crossword', words: [] } });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error.details.errors[0].path).toEqual(['data', 'interactive', 'kind']);

    const noCards = await write({ type: 'interactive', interactive: { kind: 'flashcards', cards: [] } });
    expect(noCards.status).toBe(400);
    expect(noCards.body.error.message).toMatch(/^data\.interactive\.cards: /);

    const oneItem = await write({ type: 'interactive', interactive: { ...order, items: ['Only one'] } });
    expect(oneItem.status).toBe(400);
    expect(oneItem.body.error.details.errors[0].path).toEqual(['data', 'interactive', 'items']);

    const twice = await write({ type: 'interactive', interactive: { ...order, items: ['Salah', 'Salah'] } });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain('items must all be different');

    const extra = await write({ type: 'interactive', interactive: { ...flashcards, score: 10 } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.errors[0].path).toEqual(['data', 'interactive', 'score']);

    const onAnArticle = await write({ type: 'article', interactive: flashcards });
    expect(onAnArticle.status).toBe(400);
    expect(onAnArticle.body.error.message).toContain('only an interactive lesson holds an activity');
  });

  it('checks an update against the lesson as it will be: its type and its activity', async () => {
    const token = await tokenFor('teacher.yusuf');
    const course = await ownCourse(token);
    const article = await api('/api/lessons', { token, body: { data: { title: unique('Reading '), course } } });
    const url = `/api/lessons/${article.body.data.documentId}`;

    const becomesInteractive = await api(url, { method: 'PUT', token, body: { data: { type: 'interactive' } } });
    expect(becomesInteractive.status).toBe(400);
    expect(becomesInteractive.body.error.message).toContain('needs its activity');

    const withActivity = await api(url, {
      method: 'PUT',
      token,
      body: { data: { type: 'interactive', interactive: order } },
    });
    expect(withActivity.status).toBe(200);

    const broken = await api(url, { method: 'PUT', token, body: { data: { interactive: { kind: 'order' } } } });
    expect(broken.status).toBe(400);
    const removed = await api(url, { method: 'PUT', token, body: { data: { interactive: null } } });
    expect(removed.status).toBe(400);

    // Turning it back into an article drops the activity.
    const back = await api(url, { method: 'PUT', token, body: { data: { type: 'article' } } });
    expect(back.status).toBe(200);
    expect(back.body.data).toMatchObject({ type: 'article', interactive: null });
  });
});

describe('the demo interactive lessons', () => {
  it('hold activities the lesson writer accepts, one of each kind', async () => {
    const { interactiveActivity } = await import('../../worker/contract/interactive');
    const { body } = await api('/api/lessons?filters[type][$eq]=interactive&pagination[pageSize]=100');
    const demo = (body.data as { interactive: unknown }[]).filter((l) => l.interactive !== null);
    const kinds = demo.map((l) => interactiveActivity.parse(l.interactive).kind);
    expect(new Set(kinds)).toEqual(new Set(['flashcards', 'order']));
  });
});
