import { describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../contract/quiz-questions';
import { discriminationIndex, itemRow, mostChosenWrong, type QuestionCounts } from './item-analysis-rules';

const counts = (fields: Partial<QuestionCounts>): QuestionCounts => ({
  attempts: 10,
  correct: 5,
  averageFraction: 0.5,
  topAttempts: 3,
  topCorrect: 3,
  bottomAttempts: 3,
  bottomCorrect: 1,
  unanswered: 0,
  choices: [],
  ...fields,
});

const single: QuizQuestion = {
  id: 's',
  type: 'single_choice',
  prompt: 'p',
  points: 1,
  options: ['a', 'b', 'c'],
  answer: 0,
};
const multiple: QuizQuestion = {
  id: 'm',
  type: 'multiple_choice',
  prompt: 'p',
  points: 1,
  options: ['a', 'b', 'c', 'd'],
  answer: [0, 1],
};
const short: QuizQuestion = {
  id: 't',
  type: 'short_answer',
  prompt: 'p',
  points: 1,
  answer: ['الرحيم'],
  ignoreDiacritics: true,
};

describe('item analysis rules', () => {
  it('discrimination is the top third’s facility minus the bottom third’s, null without both thirds', () => {
    expect(discriminationIndex(counts({}))).toBe(0.67); // 3/3 - 1/3
    expect(discriminationIndex(counts({ topCorrect: 0, bottomCorrect: 3 }))).toBe(-1);
    expect(discriminationIndex(counts({ topAttempts: 0, topCorrect: 0 }))).toBeNull();
  });

  it('the most chosen wrong option skips right options that partly right answers also ticked', () => {
    const result = mostChosenWrong(
      multiple,
      counts({
        choices: [
          { choice: 0, count: 6 },
          { choice: 3, count: 2 },
          { choice: 2, count: 2 },
        ],
      }),
    );
    // 3 and 2 tie; the order SQL gave (most chosen, then by option) decides.
    expect(result).toEqual({ answer: 'd', option: 3, count: 2, share: 20 });
    expect(mostChosenWrong(single, counts({ choices: [{ choice: 7, count: 4 }] }))).toBeNull();
  });

  it('merges typed answers as the grader compares them, and never counts an accepted answer as wrong', () => {
    const result = mostChosenWrong(
      short,
      counts({
        choices: [
          { choice: 'الرَّحِيمِ', count: 5 }, // the accepted answer with harakat: right, not wrong
          { choice: 'الرحمن', count: 2 },
          { choice: 'الرَّحْمَن', count: 2 },
          { choice: 'الغفور', count: 3 },
        ],
      }),
    );
    expect(result).toEqual({ answer: 'الرحمن', option: null, count: 4, share: 40 });
  });

  it('ordering questions have no wrong option; a question nobody answered has no figures', () => {
    const ordering: QuizQuestion = {
      id: 'o',
      type: 'ordering',
      prompt: 'p',
      points: 1,
      options: ['a', 'b'],
      answer: [1, 0],
    };
    expect(mostChosenWrong(ordering, counts({ choices: [{ choice: 0, count: 3 }] }))).toBeNull();
    expect(itemRow(single, 2, undefined)).toEqual({
      question: { id: 's', position: 2, type: 'single_choice', prompt: 'p', points: 1 },
      attempts: 0,
      facility: null,
      averageScore: null,
      discrimination: null,
      mostChosenWrong: null,
      unanswered: 0,
    });
  });
});
