import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../contract/quiz-questions';
import { gradeAttempt, gradeQuestion, normalizeAnswer } from './grading';

const single: QuizQuestion = {
  id: 's',
  type: 'single_choice',
  prompt: 'p',
  options: ['a', 'b', 'c'],
  answer: 1,
  points: 1,
};
const multiple: QuizQuestion = {
  id: 'm',
  type: 'multiple_choice',
  prompt: 'p',
  options: ['a', 'b', 'c', 'd'],
  answer: [0, 1, 2],
  points: 3,
};
const trueFalse: QuizQuestion = { id: 't', type: 'true_false', prompt: 'p', answer: true, points: 1 };
const short: QuizQuestion = {
  id: 'w',
  type: 'short_answer',
  prompt: 'p',
  answer: ['الرحيم', 'ar-rahim'],
  ignoreDiacritics: true,
  points: 1,
};
const ordering: QuizQuestion = {
  id: 'o',
  type: 'ordering',
  prompt: 'p',
  options: ['a', 'b', 'c', 'd'],
  answer: [1, 0, 3, 2],
  points: 2,
};

describe('normalizing typed answers', () => {
  it('ignores case, surrounding and repeated whitespace', () => {
    expect(normalizeAnswer('  Ar-Rahim   Al  ', false)).toBe('ar-rahim al');
  });

  it('optionally ignores Arabic diacritics, tatweel and hamza-carrying alefs', () => {
    expect(normalizeAnswer('ٱلرَّحِيمِ', true)).toBe(normalizeAnswer('الرحيم', true));
    expect(normalizeAnswer('الرحـــيم', true)).toBe('الرحيم');
    expect(normalizeAnswer('أحمد', true)).toBe('احمد');
    expect(normalizeAnswer('الرَّحِيمِ', false)).not.toBe('الرحيم');
  });
});

describe('grading one question', () => {
  it('single choice and true/false are all or nothing', () => {
    expect(gradeQuestion(single, 1)).toMatchObject({ earned: 1, correct: true });
    expect(gradeQuestion(single, 2)).toMatchObject({ earned: 0, correct: false });
    expect(gradeQuestion(trueFalse, true).earned).toBe(1);
    expect(gradeQuestion(trueFalse, 'true').earned).toBe(0);
  });

  it('short answers accept any listed answer, with or without diacritics', () => {
    expect(gradeQuestion(short, 'ٱلرَّحِيمِ').correct).toBe(true);
    expect(gradeQuestion(short, ' AR-RAHIM ').correct).toBe(true);
    expect(gradeQuestion(short, 'الرحمن').correct).toBe(false);
  });

  it('multiple choice gives partial credit, minus wrong picks, never below zero', () => {
    expect(gradeQuestion(multiple, [0, 1, 2])).toMatchObject({ earned: 3, correct: true });
    expect(gradeQuestion(multiple, [0, 1]).earned).toBe(2);
    expect(gradeQuestion(multiple, [0, 1, 3]).earned).toBe(1);
    expect(gradeQuestion(multiple, [0, 1, 2, 3])).toMatchObject({ earned: 2, correct: false });
    expect(gradeQuestion(multiple, [3]).earned).toBe(0);
  });

  it('ordering earns the share of items in the right place', () => {
    expect(gradeQuestion(ordering, [1, 0, 3, 2])).toMatchObject({ earned: 2, correct: true });
    expect(gradeQuestion(ordering, [1, 0, 2, 3]).earned).toBe(1);
    expect(gradeQuestion(ordering, [0, 1, 2, 3]).earned).toBe(0);
    expect(gradeQuestion(ordering, [1, 0]).earned).toBe(0);
  });

  it('a missing or malformed answer earns nothing and does not throw', () => {
    for (const q of [single, multiple, trueFalse, short, ordering]) {
      expect(gradeQuestion(q, undefined).earned).toBe(0);
      expect(gradeQuestion(q, { weird: true }).earned).toBe(0);
    }
  });
});

describe('grading an attempt', () => {
  it('sums points and rounds the percentage', () => {
    const grade = gradeAttempt([single, multiple, trueFalse], { s: 1, m: [0, 1], t: false });
    expect(grade).toMatchObject({ earned: 3, possible: 5, scorePercent: 60 });
    expect(grade.questions.map((q) => q.correct)).toEqual([true, false, false]);
  });

  it('an empty quiz scores zero rather than dividing by zero', () => {
    expect(gradeAttempt([], {}).scorePercent).toBe(0);
  });
});
