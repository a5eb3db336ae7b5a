import { describe, expect, it } from 'vitest';
import { answerCard, deckDone, gradeOrder, moveItem, newDeck, seedOf, shuffled, startingOrder } from './activities';

const order = { kind: 'order' as const, prompt: 'Order them', items: ['a', 'b', 'c', 'd'] };
const cards = {
  kind: 'flashcards' as const,
  cards: [
    { front: '1', back: 'one' },
    { front: '2', back: 'two' },
    { front: '3', back: 'three' },
  ],
};

describe('put in order', () => {
  it('shuffles the same way for the same seed, and keeps every item', () => {
    expect(shuffled([1, 2, 3, 4, 5], 42)).toEqual(shuffled([1, 2, 3, 4, 5], 42));
    expect([...shuffled([1, 2, 3, 4, 5], 7)].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(seedOf('abc')).toBe(seedOf('abc'));
    expect(seedOf('abc')).not.toBe(seedOf('abd'));
  });

  it('never starts solved, whatever the seed', () => {
    for (let seed = 0; seed < 200; seed++) {
      expect(gradeOrder(startingOrder(order, seed)).solved).toBe(false);
      expect(gradeOrder(startingOrder({ ...order, items: ['x', 'y'] }, seed)).solved).toBe(false);
    }
  });

  it('moves an item one place, and not past the edges', () => {
    expect(moveItem([0, 1, 2], 0, 1)).toEqual([1, 0, 2]);
    expect(moveItem([0, 1, 2], 2, -1)).toEqual([0, 2, 1]);
    expect(moveItem([0, 1, 2], 0, -1)).toEqual([0, 1, 2]);
    expect(moveItem([0, 1, 2], 2, 1)).toEqual([0, 1, 2]);
  });

  it('grades each position and the whole', () => {
    expect(gradeOrder([1, 0, 2, 3])).toEqual({ placed: [false, false, true, true], correct: 2, solved: false });
    expect(gradeOrder([0, 1, 2, 3]).solved).toBe(true);
  });
});

describe('flashcards', () => {
  it('sends a card it did not know to the back, and ends when every card is known', () => {
    let deck = newDeck(cards);
    deck = answerCard(deck, false);
    expect(deck.queue).toEqual([1, 2, 0]);
    expect(deck.misses).toEqual({ 0: 1 });
    deck = answerCard(answerCard(answerCard(deck, true), true), true);
    expect(deck.known).toEqual([1, 2, 0]);
    expect(deckDone(deck)).toBe(true);
    expect(answerCard(deck, true)).toBe(deck);
  });
});
