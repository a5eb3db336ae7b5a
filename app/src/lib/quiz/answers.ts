// The learner's answers while taking a quiz, in the option positions the attempt shows.
import type { AttemptQuestion } from '$lib/api/types';

/** One answer: an option position, several, an order of positions, true/false, or typed text. */
export type Answer = number | number[] | boolean | string | null;
export type Answers = Record<string, Answer>;

/** Where an untouched question starts: an ordering question starts in the order shown, the rest empty. */
export function initialAnswers(questions: AttemptQuestion[]): Answers {
  return Object.fromEntries(
    questions.map((q) => [q.id, q.type === 'ordering' ? (q.options ?? []).map((_, i) => i) : null]),
  );
}

/** Whether the learner gave an answer (an ordering always holds one: the order on the screen). */
export function isAnswered(question: AttemptQuestion, answer: Answer | undefined): boolean {
  switch (question.type) {
    case 'single_choice':
      return typeof answer === 'number';
    case 'multiple_choice':
      return Array.isArray(answer) && answer.length > 0;
    case 'true_false':
      return typeof answer === 'boolean';
    case 'short_answer':
      return typeof answer === 'string' && answer.trim().length > 0;
    case 'ordering':
      return Array.isArray(answer) && answer.length === (question.options?.length ?? 0);
  }
}

export function unansweredCount(questions: AttemptQuestion[], answers: Answers): number {
  return questions.filter((q) => !isAnswered(q, answers[q.id])).length;
}

/** Ticks or unticks an option of a multiple-choice question; positions kept in ascending order. */
export function toggleOption(current: Answer | undefined, position: number): number[] {
  const picked = new Set(Array.isArray(current) ? current : []);
  if (picked.has(position)) picked.delete(position);
  else picked.add(position);
  return [...picked].sort((a, b) => a - b);
}

/** Moves the item at `from` to `to` in an ordering answer (out-of-range moves change nothing). */
export function moveItem(order: number[], from: number, to: number): number[] {
  if (from === to || from < 0 || to < 0 || from >= order.length || to >= order.length) return order;
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** What is sent: answered questions only, typed text trimmed (an unanswered question is simply absent). */
export function answersToSend(questions: AttemptQuestion[], answers: Answers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    const answer = answers[q.id];
    if (!isAnswered(q, answer)) continue;
    out[q.id] = typeof answer === 'string' ? answer.trim() : answer;
  }
  return out;
}
