import { describe, expect, it } from 'vitest';
// The server's own schema, at run time: a test may reach into the worker, the app itself may not.
import { INTERACTIVE_LIMITS, interactiveActivity } from '../../../../worker/contract/interactive';
import {
  activityBody,
  activityForm,
  activityProblems,
  LIMITS,
  newCard,
  newItem,
  problemAt,
  type ActivityForm,
  type CardForm,
} from './activity-form';
import { activityReady, lessonBody, lessonForm } from './lessons';
import { keyTarget, move } from './reorder';
import type { Lesson } from '$lib/api';

const card = (front: string, back: string, more: Partial<CardForm> = {}): CardForm => ({
  ...newCard(),
  front,
  back,
  ...more,
});
const items = (...texts: string[]) => texts.map((text) => ({ ...newItem(), text }));
const flashcards = (...cards: CardForm[]): ActivityForm => ({ ...activityForm(null), kind: 'flashcards', cards });
const order = (prompt: string, texts: string[], itemsLang: ActivityForm['itemsLang'] = ''): ActivityForm => ({
  ...activityForm(null),
  kind: 'order',
  prompt,
  items: items(...texts),
  itemsLang,
});

/** Forms the server takes and forms it refuses, each for one reason, at the edges of every limit. */
const samples: [name: string, form: ActivityForm][] = [
  ['one card', flashcards(card('ٱلرَّحْمَٰنُ', 'The Most Merciful', { frontLang: 'ar', backLang: 'en' }))],
  ['no cards', flashcards()],
  ['an empty front', flashcards(card('', 'back'))],
  ['a front of spaces only', flashcards(card('   ', 'back'))],
  ['an empty back', flashcards(card('front', ''))],
  ['a front at its limit', flashcards(card('x'.repeat(LIMITS.front), 'back'))],
  ['a front past its limit', flashcards(card('x'.repeat(LIMITS.front + 1), 'back'))],
  ['a front at its limit once trimmed', flashcards(card(` ${'x'.repeat(LIMITS.front)} `, 'back'))],
  ['a back at its limit', flashcards(card('front', 'y'.repeat(LIMITS.back)))],
  ['a back past its limit', flashcards(card('front', 'y'.repeat(LIMITS.back + 1)))],
  ['the most cards', flashcards(...Array.from({ length: LIMITS.cards.max }, (_, i) => card(`f${i}`, `b${i}`)))],
  ['too many cards', flashcards(...Array.from({ length: LIMITS.cards.max + 1 }, (_, i) => card(`f${i}`, `b${i}`)))],
  ['cards that repeat (allowed)', flashcards(card('same', 'same'), card('same', 'same'))],
  ['an order', order('Put the pillars in order.', ['Shahadah', 'Salah', 'Zakah'], 'en')],
  ['an order in Arabic', order('رتّب', ['الشهادة', 'الصلاة'], 'ar')],
  ['no prompt', order(' ', ['a', 'b'])],
  ['a prompt past its limit', order('p'.repeat(LIMITS.prompt + 1), ['a', 'b'])],
  ['one item', order('Order', ['a'])],
  [
    'the most items',
    order(
      'Order',
      Array.from({ length: LIMITS.items.max }, (_, i) => `item ${i}`),
    ),
  ],
  [
    'too many items',
    order(
      'Order',
      Array.from({ length: LIMITS.items.max + 1 }, (_, i) => `item ${i}`),
    ),
  ],
  ['an empty item', order('Order', ['a', ''])],
  ['an item past its limit', order('Order', ['a', 'b'.repeat(LIMITS.item + 1)])],
  ['an item twice', order('Order', ['Salah', 'Zakah', 'Salah'])],
  ['an item twice once trimmed', order('Order', ['Salah', 'Salah '])],
];

describe('the activity checked on the device', () => {
  it('uses the limits the server checks', () => {
    expect(LIMITS).toEqual(INTERACTIVE_LIMITS);
  });

  it.each(samples)('agrees with the server’s schema: %s', (_, form) => {
    const server = interactiveActivity.safeParse(activityBody(form));
    const problems = activityProblems(form);
    expect(problems.length === 0).toBe(server.success);
    // Every place the server names holds a problem on the device, at that place or inside it.
    for (const issue of server.error?.issues ?? []) {
      const place = issue.path.join('.');
      expect(
        problems.some((p) => p.path === place || p.path.startsWith(`${place}.`)),
        `${place}: ${issue.message}`,
      ).toBe(true);
    }
  });

  it('says what is wrong where, with the bound broken', () => {
    expect(activityProblems(flashcards(card('', 'y'.repeat(LIMITS.back + 1))))).toEqual([
      { path: 'cards.0.front', code: 'required' },
      { path: 'cards.0.back', code: 'tooLong', limit: LIMITS.back },
    ]);
    expect(activityProblems(flashcards())).toEqual([{ path: 'cards', code: 'tooFew', limit: 1 }]);
    const repeated = activityProblems(order('Order', ['Salah', 'Zakah', ' Salah']));
    expect(repeated).toEqual([{ path: 'items.2', code: 'duplicate' }]);
    expect(problemAt(repeated, 'items.2')?.code).toBe('duplicate');
    expect(problemAt(repeated, 'items.0')).toBeUndefined();
  });

  it('checks only the chosen kind', () => {
    const form = { ...order('Order', ['a', 'b']), cards: [card('', '')] };
    expect(activityProblems(form)).toEqual([]);
    expect(activityProblems({ ...form, kind: 'flashcards' }).map((p) => p.path)).toEqual([
      'cards.0.front',
      'cards.0.back',
    ]);
  });
});

describe('the activity form', () => {
  it('reads an activity and writes back the same one', () => {
    const activities = [
      {
        kind: 'flashcards' as const,
        cards: [
          { front: 'ٱلْمَلِكُ', back: 'The King', frontLang: 'ar' as const },
          { front: 'Patience', back: 'صبر', backLang: 'ar' as const, frontLang: 'en' as const },
        ],
      },
      { kind: 'order' as const, prompt: 'In order', items: ['one', 'two', 'three'], itemsLang: 'en' as const },
      { kind: 'order' as const, prompt: 'In order', items: ['one', 'two'] },
    ];
    for (const activity of activities) expect(activityBody(activityForm(activity))).toEqual(activity);
  });

  it('gives the same form for the same activity, so a draft equal to it is no change', () => {
    const activity = { kind: 'order' as const, prompt: 'p', items: ['a', 'b'] };
    expect(JSON.stringify(activityForm(activity))).toBe(JSON.stringify(activityForm(activity)));
    expect(JSON.stringify(activityForm(null))).toBe(JSON.stringify(activityForm(null)));
  });

  it('keeps the other kind’s work when the kind changes, and saves only the chosen one', () => {
    const form = activityForm({ kind: 'flashcards', cards: [{ front: 'f', back: 'b' }] });
    form.kind = 'order';
    form.prompt = 'Order them';
    form.items = items('x', 'y');
    expect(activityBody(form)).toEqual({ kind: 'order', prompt: 'Order them', items: ['x', 'y'] });
    form.kind = 'flashcards';
    expect(activityBody(form)).toEqual({ kind: 'flashcards', cards: [{ front: 'f', back: 'b' }] });
  });

  it('moves a card to a new place, as the lesson list moves lessons', () => {
    const cards = [card('1', 'a'), card('2', 'b'), card('3', 'c')];
    const moved = move(cards, 2, 1);
    expect(moved.map((c) => c.front)).toEqual(['1', '3', '2']);
    expect(activityBody(flashcards(...moved))).toMatchObject({
      cards: [{ front: '1' }, { front: '3' }, { front: '2' }],
    });
  });
});

describe('reorder keys', () => {
  it('moves by one with the arrows and to either end with Home and End, never out of the list', () => {
    expect(keyTarget('ArrowUp', 2, 3)).toBe(1);
    expect(keyTarget('ArrowDown', 0, 3)).toBe(1);
    expect(keyTarget('Home', 2, 3)).toBe(0);
    expect(keyTarget('End', 0, 3)).toBe(2);
    expect(keyTarget('ArrowUp', 0, 3)).toBe(0);
    expect(keyTarget('ArrowDown', 2, 3)).toBe(2);
    expect(keyTarget('Enter', 1, 3)).toBeNull();
    expect(keyTarget('a', 1, 3)).toBeNull();
  });
});

describe('a lesson’s activity', () => {
  const lesson = (over: Partial<Lesson>) =>
    ({
      title: 'Practice',
      type: 'interactive',
      duration: null,
      isLocked: false,
      content: null,
      media: null,
      attachments: [],
      interactive: null,
      ...over,
    }) as Lesson;

  it('is saved with an interactive lesson, and cleared from any other', () => {
    const activity = { kind: 'order' as const, prompt: 'p', items: ['a', 'b'] };
    const form = lessonForm(lesson({ interactive: activity }));
    expect(lessonBody(form).interactive).toEqual(activity);
    expect(lessonBody({ ...form, type: 'article' }).interactive).toBeNull();
  });

  it('stops a save only for an interactive lesson whose activity the server would refuse', () => {
    const blank = lessonForm(lesson({ type: 'article' }));
    expect(activityReady(blank)).toBe(true);
    expect(activityReady({ ...blank, type: 'interactive' })).toBe(false);
  });
});
