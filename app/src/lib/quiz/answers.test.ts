import { describe, expect, it } from 'vitest';
import type { AttemptQuestion } from '$lib/api/types';
import { answersToSend, initialAnswers, isAnswered, moveItem, toggleOption, unansweredCount } from './answers';

const questions: AttemptQuestion[] = [
  { id: 'one', type: 'single_choice', prompt: 'One', points: 1, options: ['a', 'b'] },
  { id: 'many', type: 'multiple_choice', prompt: 'Many', points: 2, options: ['a', 'b', 'c'] },
  { id: 'tf', type: 'true_false', prompt: 'TF', points: 1 },
  { id: 'text', type: 'short_answer', prompt: 'Text', points: 1 },
  { id: 'order', type: 'ordering', prompt: 'Order', points: 2, options: ['x', 'y', 'z'] },
];

describe('answers while taking a quiz', () => {
  it('start empty, except an ordering, which starts in the order shown and counts as answered', () => {
    const answers = initialAnswers(questions);
    expect(answers).toEqual({ one: null, many: null, tf: null, text: null, order: [0, 1, 2] });
    expect(unansweredCount(questions, answers)).toBe(4);
  });

  it('count as answered by their type: false is an answer, blank text and no ticks are not', () => {
    expect(isAnswered(questions[0]!, 0)).toBe(true);
    expect(isAnswered(questions[1]!, [])).toBe(false);
    expect(isAnswered(questions[1]!, [2])).toBe(true);
    expect(isAnswered(questions[2]!, false)).toBe(true);
    expect(isAnswered(questions[3]!, '   ')).toBe(false);
    expect(isAnswered(questions[3]!, 'ar-rahim')).toBe(true);
    expect(isAnswered(questions[4]!, [0, 1])).toBe(false);
  });

  it('ticks and unticks options, kept in ascending order', () => {
    expect(toggleOption(null, 2)).toEqual([2]);
    expect(toggleOption([2], 0)).toEqual([0, 2]);
    expect(toggleOption([0, 2], 2)).toEqual([0]);
  });

  it('moves an item of an ordering; a move out of range changes nothing', () => {
    expect(moveItem([0, 1, 2], 2, 0)).toEqual([2, 0, 1]);
    expect(moveItem([0, 1, 2], 0, 1)).toEqual([1, 0, 2]);
    const order = [0, 1, 2];
    expect(moveItem(order, 0, -1)).toBe(order);
    expect(moveItem(order, 2, 3)).toBe(order);
  });

  it('sends answered questions only, typed text trimmed', () => {
    const answers = { ...initialAnswers(questions), tf: false, text: '  الرحيم ', many: [] };
    expect(answersToSend(questions, answers)).toEqual({ tf: false, text: 'الرحيم', order: [0, 1, 2] });
  });
});
