// The interactive lessons' activities as the phone grades them: pure functions, no framework.
import type { FlashcardsActivity, OrderActivity } from '$contract/interactive';

/** A seeded shuffle (mulberry32), so a reload shows the same order and tests can reproduce it. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A number from a string (the lesson's documentId), to seed its shuffle. */
export function seedOf(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

/**
 * The order the learner starts from: shuffled, and never already solved (that would be no exercise). The
 * entries are indexes into `activity.items`, whose own order is the right one.
 */
export function startingOrder(activity: OrderActivity, seed: number): number[] {
  const indexes = activity.items.map((_, i) => i);
  for (let attempt = 0; attempt < 10; attempt++) {
    const order = shuffled(indexes, seed + attempt);
    if (order.some((item, position) => item !== position)) return order;
  }
  // Two items shuffle back into place half the time: swap the first two.
  return [indexes[1]!, indexes[0]!, ...indexes.slice(2)];
}

/** Moves the entry at `from` by one place (`-1` up, `+1` down); at the edges nothing moves. */
export function moveItem(order: readonly number[], from: number, by: -1 | 1): number[] {
  const to = from + by;
  if (from < 0 || from >= order.length || to < 0 || to >= order.length) return [...order];
  const out = [...order];
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}

export interface OrderResult {
  /** Per position, whether the item there belongs there. */
  placed: boolean[];
  correct: number;
  solved: boolean;
}

export function gradeOrder(order: readonly number[]): OrderResult {
  const placed = order.map((item, position) => item === position);
  const correct = placed.filter(Boolean).length;
  return { placed, correct, solved: correct === order.length };
}

/** A flashcards session: the cards still to learn, in the order they come; "again" sends one to the back. */
export interface Deck {
  queue: number[];
  known: number[];
  /** How many times each card was sent back. */
  misses: Record<number, number>;
}

export function newDeck(activity: FlashcardsActivity): Deck {
  return { queue: activity.cards.map((_, i) => i), known: [], misses: {} };
}

export function answerCard(deck: Deck, knew: boolean): Deck {
  const [card, ...rest] = deck.queue;
  if (card === undefined) return deck;
  if (knew) return { ...deck, queue: rest, known: [...deck.known, card] };
  return { ...deck, queue: [...rest, card], misses: { ...deck.misses, [card]: (deck.misses[card] ?? 0) + 1 } };
}

export const deckDone = (deck: Deck) => deck.queue.length === 0;
