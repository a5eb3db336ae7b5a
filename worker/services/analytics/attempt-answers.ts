import type { AttemptAnswer } from '../../contract/analytics';
import { quizQuestions, type QuizQuestion } from '../../contract/quiz-questions';
import { toOriginalIndexes } from '../learning/quiz-attempts';

type Layout = { questionId: string; optionOrder: number[] | null }[];
type Feedback = { questionId: string; earned: number; points: number; correct: boolean };

/** An answer in words: option texts (mapped from the positions the learner saw), true/false, or the text typed. */
export function answerInWords(question: QuizQuestion, optionOrder: number[] | null, given: unknown): string | null {
  if (given === undefined || given === null || given === '') return null;
  const original = toOriginalIndexes(question, optionOrder, given);
  const option = (i: unknown) =>
    'options' in question && Number.isInteger(i) ? question.options[i as number] : undefined;
  switch (question.type) {
    case 'single_choice':
      return option(original) ?? null;
    case 'multiple_choice':
    case 'ordering': {
      if (!Array.isArray(original) || original.length === 0) return null;
      const texts = original.map((i) => option(i) ?? '?');
      return texts.join(question.type === 'ordering' ? ' → ' : '; ');
    }
    case 'true_false':
      return typeof given === 'boolean' ? (given ? 'True' : 'False') : null;
    case 'short_answer':
      return typeof given === 'string' ? given : null;
  }
}

/**
 * A graded attempt's answers for its teacher: each asked question in the attempt's order, what the learner
 * answered (in words) and what it earned. Questions edited since keep their current wording; questions
 * removed since are left out.
 */
export function attemptAnswers(
  questionsJson: unknown,
  layout: Layout,
  answers: Record<string, unknown> | null,
  feedback: Feedback[] | null,
): AttemptAnswer[] {
  const parsed = quizQuestions.safeParse(questionsJson);
  if (!parsed.success || !feedback) return [];
  const byId = new Map(parsed.data.map((q) => [q.id, q]));
  const orderOf = new Map(layout.map((l) => [l.questionId, l.optionOrder]));
  return feedback.flatMap((result) => {
    const question = byId.get(result.questionId);
    if (!question) return [];
    return [
      {
        questionId: question.id,
        prompt: question.prompt,
        type: question.type,
        given: answerInWords(question, orderOf.get(question.id) ?? null, answers?.[question.id]),
        correct: result.correct,
        earned: result.earned,
        points: result.points,
      },
    ];
  });
}
