import { describe, expect, it } from 'vitest';
import { offlineSubmission, questionsInLayout, startLocalAttempt } from './local-attempt';

const quiz: Parameters<typeof startLocalAttempt>[0] = {
  documentId: 'q'.repeat(24),
  title: 'Al-Fatiha check',
  passingScore: 70,
  timeLimit: 600,
  randomizeQuestions: true,
  attemptsAllowed: null,
  showCorrectAnswers: 'after_passing_or_last_attempt',
  questions: [
    { id: 'q1', type: 'single_choice', prompt: 'Verses?', options: ['5', '7', '9'], points: 1 },
    { id: 'q2', type: 'true_false', prompt: 'Every rak‘ah?', points: 1 },
    { id: 'q3', type: 'ordering', prompt: 'Order', options: ['a', 'b'], points: 2 },
  ],
};

/** A fixed sequence standing in for Math.random. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('an attempt laid out on the phone', () => {
  const now = new Date('2026-11-25T10:00:00.000Z');

  it('keeps the quiz’s order without randomizing, with the deadline from the time limit', () => {
    const attempt = startLocalAttempt({ ...quiz, randomizeQuestions: false }, now, Math.random, 'c-1');
    expect(attempt.layout).toEqual([
      { questionId: 'q1', optionOrder: [0, 1, 2] },
      { questionId: 'q2', optionOrder: null },
      { questionId: 'q3', optionOrder: [0, 1] },
    ]);
    expect(attempt.startedAt).toBe(now.toISOString());
    expect(attempt.deadlineAt).toBe('2026-11-25T10:10:00.000Z');
    expect(attempt.clientId).toBe('c-1');
    expect(attempt.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
  });

  it('shuffles questions and options when the quiz asks, and shows options in the layout’s order', () => {
    const attempt = startLocalAttempt(quiz, now, sequence(0, 0.99, 0, 0.5, 0));
    const ids = attempt.layout.map((l) => l.questionId).sort();
    expect(ids).toEqual(['q1', 'q2', 'q3']);
    for (const [i, item] of attempt.layout.entries()) {
      const question = attempt.questions[i]!;
      expect(question.id).toBe(item.questionId);
      const original = quiz.questions.find((q) => q.id === item.questionId)!;
      if ('options' in original) {
        expect([...item.optionOrder!].sort()).toEqual(original.options.map((_, n) => n));
        expect(question.options).toEqual(item.optionOrder!.map((o) => original.options[o]));
      } else expect(item.optionOrder).toBeNull();
    }
    expect(attempt.layout.map((l) => l.questionId)).not.toEqual(['q1', 'q2', 'q3']);
  });

  it('rebuilds the questions shown from a stored layout', () => {
    const questions = questionsInLayout(quiz.questions, [
      { questionId: 'q3', optionOrder: [1, 0] },
      { questionId: 'q1', optionOrder: [2, 0, 1] },
      { questionId: 'q2', optionOrder: null },
    ]);
    expect(questions.map((q) => [q.id, q.options])).toEqual([
      ['q3', ['b', 'a']],
      ['q1', ['9', '5', '7']],
      ['q2', undefined],
    ]);
  });

  it('is sent finished when the learner submitted, but never after its deadline', () => {
    const attempt = startLocalAttempt(quiz, now);
    const early = offlineSubmission(attempt, { q2: true }, new Date('2026-11-25T10:04:00.000Z'));
    expect(early).toEqual({
      clientId: attempt.clientId,
      layout: attempt.layout,
      answers: { q2: true },
      startedAt: '2026-11-25T10:00:00.000Z',
      submittedAt: '2026-11-25T10:04:00.000Z',
    });
    const late = offlineSubmission(attempt, {}, new Date('2026-11-25T10:30:00.000Z'));
    expect(late.submittedAt).toBe('2026-11-25T10:10:00.000Z');
  });
});
