// How a graded attempt reads back to the learner: their answer and the right one, as texts.
import type { AttemptQuestion, CorrectAnswer, QuestionFeedback } from '$lib/api/types';

export interface YesNo {
  true: string;
  false: string;
}

/** The learner's answer as the texts they chose or typed (in order for an ordering); empty when none. */
export function answerTexts(question: AttemptQuestion, answer: unknown, words: YesNo): string[] {
  const option = (i: unknown) => (typeof i === 'number' ? question.options?.[i] : undefined);
  if (answer === null || answer === undefined) return [];
  switch (question.type) {
    case 'single_choice':
      return [option(answer)].filter((t): t is string => !!t);
    case 'multiple_choice':
    case 'ordering':
      return Array.isArray(answer) ? answer.map(option).filter((t): t is string => !!t) : [];
    case 'true_false':
      return typeof answer === 'boolean' ? [answer ? words.true : words.false] : [];
    case 'short_answer':
      return typeof answer === 'string' && answer.trim() ? [answer.trim()] : [];
  }
}

/** The right answer's texts, as the server gave them for this attempt. */
export function correctTexts(correct: CorrectAnswer, words: YesNo): string[] {
  if ('text' in correct) return correct.text ? [correct.text] : [];
  if ('texts' in correct) return correct.texts.filter((t): t is string => !!t);
  if ('value' in correct) return [correct.value ? words.true : words.false];
  return correct.accepted;
}

export type Verdict = 'correct' | 'partly' | 'wrong';

export function verdictOf(feedback: Pick<QuestionFeedback, 'correct' | 'earned'>): Verdict {
  return feedback.correct ? 'correct' : feedback.earned > 0 ? 'partly' : 'wrong';
}
