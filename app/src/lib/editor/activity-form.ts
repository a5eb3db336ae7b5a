// The interactive activity editor's model: an activity as the form holds it (both kinds at once, so
// switching kind loses nothing; every card and item with a key of its own for the lists), the activity
// the API takes (worker/contract/interactive.ts), and the contract's rules checked on the device.
import type { InteractiveActivity, InteractiveKind, InteractiveLimits } from '$contract/interactive';
import { every } from '$lib/exhaustive-list';

export const ACTIVITY_KINDS = every<InteractiveKind>()(['flashcards', 'order']);

/**
 * The contract's limits. The app takes only types from the contract; typed as the contract's own
 * constant, a number that differs from the server's is a type error here.
 */
export const LIMITS: InteractiveLimits = {
  cards: { min: 1, max: 200 },
  front: 500,
  back: 2000,
  prompt: 1000,
  items: { min: 2, max: 20 },
  item: 500,
};

/** The language of a piece of text; '' when not said (the text then takes its direction from itself). */
export type TextLang = '' | 'ar' | 'en';
export const TEXT_LANGS: TextLang[] = ['', 'en', 'ar'];

export interface CardForm {
  key: string;
  front: string;
  back: string;
  frontLang: TextLang;
  backLang: TextLang;
}

export interface ItemForm {
  key: string;
  text: string;
}

export interface ActivityForm {
  kind: InteractiveKind;
  cards: CardForm[];
  prompt: string;
  items: ItemForm[];
  itemsLang: TextLang;
}

const newKey = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

export const newCard = (key = newKey('card')): CardForm => ({ key, front: '', back: '', frontLang: '', backLang: '' });
export const newItem = (key = newKey('item')): ItemForm => ({ key, text: '' });

/**
 * The form of a lesson's activity (a blank one when it has none). Keys are numbered from the loaded data,
 * so the same activity always gives the same form (a draft equal to it is not taken for a change).
 */
export function activityForm(activity: InteractiveActivity | null): ActivityForm {
  const blankCards = [newCard('card-0')];
  const blankItems = [newItem('item-0'), newItem('item-1')];
  if (activity?.kind === 'flashcards')
    return {
      kind: 'flashcards',
      cards: activity.cards.map((c, i) => ({
        key: `card-${i}`,
        front: c.front,
        back: c.back,
        frontLang: c.frontLang ?? '',
        backLang: c.backLang ?? '',
      })),
      prompt: '',
      items: blankItems,
      itemsLang: '',
    };
  if (activity?.kind === 'order')
    return {
      kind: 'order',
      cards: blankCards,
      prompt: activity.prompt,
      items: activity.items.map((text, i) => ({ key: `item-${i}`, text })),
      itemsLang: activity.itemsLang ?? '',
    };
  return { kind: 'flashcards', cards: blankCards, prompt: '', items: blankItems, itemsLang: '' };
}

/** The activity to save: the chosen kind only, text trimmed (the server keeps it trimmed), languages when set. */
export function activityBody(form: ActivityForm): InteractiveActivity {
  if (form.kind === 'flashcards')
    return {
      kind: 'flashcards',
      cards: form.cards.map((c) => ({
        front: c.front.trim(),
        back: c.back.trim(),
        ...(c.frontLang && { frontLang: c.frontLang }),
        ...(c.backLang && { backLang: c.backLang }),
      })),
    };
  return {
    kind: 'order',
    prompt: form.prompt.trim(),
    items: form.items.map((item) => item.text.trim()),
    ...(form.itemsLang && { itemsLang: form.itemsLang }),
  };
}

export type ProblemCode = 'required' | 'tooLong' | 'tooFew' | 'tooMany' | 'duplicate';

/**
 * Something the server would refuse, at the place the server would name (`cards.0.front`), except a
 * repeated item: the server names the list, the editor the repeat itself (`items.2`) to show it there.
 */
export interface Problem {
  path: string;
  code: ProblemCode;
  /** The bound broken (characters or entries), for tooLong, tooFew and tooMany. */
  limit?: number;
}

function checkText(problems: Problem[], path: string, value: string, max: number) {
  const length = value.trim().length;
  if (length === 0) problems.push({ path, code: 'required' });
  else if (length > max) problems.push({ path, code: 'tooLong', limit: max });
}

function checkCount(problems: Problem[], path: string, count: number, { min, max }: { min: number; max: number }) {
  if (count < min) problems.push({ path, code: 'tooFew', limit: min });
  else if (count > max) problems.push({ path, code: 'tooMany', limit: max });
}

/** What the server would refuse in this activity, by the contract's rules; empty when it would accept it. */
export function activityProblems(form: ActivityForm): Problem[] {
  const problems: Problem[] = [];
  if (form.kind === 'flashcards') {
    checkCount(problems, 'cards', form.cards.length, LIMITS.cards);
    form.cards.forEach((card, i) => {
      checkText(problems, `cards.${i}.front`, card.front, LIMITS.front);
      checkText(problems, `cards.${i}.back`, card.back, LIMITS.back);
    });
    return problems;
  }
  checkText(problems, 'prompt', form.prompt, LIMITS.prompt);
  checkCount(problems, 'items', form.items.length, LIMITS.items);
  const seen = new Set<string>();
  form.items.forEach((item, i) => {
    checkText(problems, `items.${i}`, item.text, LIMITS.item);
    const text = item.text.trim();
    if (text && seen.has(text)) problems.push({ path: `items.${i}`, code: 'duplicate' });
    seen.add(text);
  });
  return problems;
}

/** The first problem at exactly this place, to show beside its field. */
export const problemAt = (problems: readonly Problem[], path: string) => problems.find((p) => p.path === path);
