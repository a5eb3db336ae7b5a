import { describe, expect, it } from 'vitest';
import type { AttemptQuestion } from '$lib/api/types';
import { answerTexts, correctTexts, verdictOf } from './review';

const words = { true: 'True', false: 'False' };
const q = (type: AttemptQuestion['type'], options?: string[]): AttemptQuestion => ({
  id: 'q',
  type,
  prompt: 'P',
  points: 1,
  ...(options && { options }),
});

describe('reading a graded attempt back', () => {
  it('names the learner’s answer by the texts they saw', () => {
    expect(answerTexts(q('single_choice', ['5', '7']), 1, words)).toEqual(['7']);
    expect(answerTexts(q('multiple_choice', ['a', 'b', 'c']), [0, 2], words)).toEqual(['a', 'c']);
    expect(answerTexts(q('ordering', ['a', 'b', 'c']), [2, 0, 1], words)).toEqual(['c', 'a', 'b']);
    expect(answerTexts(q('true_false'), false, words)).toEqual(['False']);
    expect(answerTexts(q('short_answer'), ' الرحيم ', words)).toEqual(['الرحيم']);
    expect(answerTexts(q('single_choice', ['5', '7']), undefined, words)).toEqual([]);
    expect(answerTexts(q('single_choice', ['5', '7']), 9, words)).toEqual([]);
  });

  it('names the right answer from what the server sent', () => {
    expect(correctTexts({ index: 1, text: '7' }, words)).toEqual(['7']);
    expect(correctTexts({ indexes: [0, 1], texts: ['a', 'b'] }, words)).toEqual(['a', 'b']);
    expect(correctTexts({ value: true }, words)).toEqual(['True']);
    expect(correctTexts({ accepted: ['ٱلرَّحِيمِ', 'ar-rahim'] }, words)).toEqual(['ٱلرَّحِيمِ', 'ar-rahim']);
  });

  it('tells right, partly right and wrong apart', () => {
    expect(verdictOf({ correct: true, earned: 1 })).toBe('correct');
    expect(verdictOf({ correct: false, earned: 0.5 })).toBe('partly');
    expect(verdictOf({ correct: false, earned: 0 })).toBe('wrong');
  });
});
