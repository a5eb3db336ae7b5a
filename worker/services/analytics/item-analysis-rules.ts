import type { ItemAnalysisRow } from '../../contract/analytics';
import type { QuizQuestion } from '../../contract/quiz-questions';
import { normalizeAnswer } from '../learning/grading';

/** What SQL counted for one question over the counted attempts. */
export interface QuestionCounts {
  attempts: number;
  correct: number;
  /** Mean share of the question's points earned, 0-1. */
  averageFraction: number | null;
  topAttempts: number;
  topCorrect: number;
  bottomAttempts: number;
  bottomCorrect: number;
  unanswered: number;
  /**
   * What incorrect answers chose, most chosen first: an option index of the quiz's own order (choice
   * questions), a boolean (true/false), or a lightly normalised text (short answers).
   */
  choices: { choice: unknown; count: number }[];
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Kelley's upper-lower discrimination index: facility in the top third of attempts (by total score) minus
 * facility in the bottom third, from -1 (the weaker learners do better) to 1. Null when a third is empty
 * (fewer than three attempts).
 */
export function discriminationIndex(counts: QuestionCounts): number | null {
  if (counts.topAttempts === 0 || counts.bottomAttempts === 0) return null;
  return round2(counts.topCorrect / counts.topAttempts - counts.bottomCorrect / counts.bottomAttempts);
}

/**
 * The wrong answer chosen most often, in words. Right options are skipped (a multiple-choice attempt that
 * is not fully right may still pick them); short answers are merged under the grader's own normalisation
 * (case, spacing, Arabic diacritics), so "Al-Fatiha" and "al-fatiha " are one answer. Ordering questions
 * have no wrong option, only wrong places: null.
 */
export function mostChosenWrong(question: QuizQuestion, counts: QuestionCounts): ItemAnalysisRow['mostChosenWrong'] {
  const tally = new Map<string, { answer: string; option: number | null; count: number }>();
  const add = (key: string, answer: string, option: number | null, count: number) => {
    const entry = tally.get(key) ?? { answer, option, count: 0 };
    entry.count += count;
    tally.set(key, entry);
  };
  for (const { choice, count } of counts.choices) {
    switch (question.type) {
      case 'single_choice':
      case 'multiple_choice': {
        if (typeof choice !== 'number' || !Number.isInteger(choice) || question.options[choice] === undefined) break;
        const right = question.type === 'single_choice' ? choice === question.answer : question.answer.includes(choice);
        if (!right) add(`o${choice}`, question.options[choice]!, choice, count);
        break;
      }
      case 'true_false':
        if (typeof choice === 'boolean' && choice !== question.answer) add(String(choice), String(choice), null, count);
        break;
      case 'short_answer': {
        if (typeof choice !== 'string') break;
        const ignore = question.ignoreDiacritics ?? true;
        const key = normalizeAnswer(choice, ignore);
        const accepted = question.answer.some((a) => normalizeAnswer(a, ignore) === key);
        if (key !== '' && !accepted) add(key, choice, null, count);
        break;
      }
      case 'ordering':
        return null;
    }
  }
  // Most chosen first; on a tie, the earlier option (or the text first seen), so the answer is stable.
  const top = [...tally.values()].sort((a, b) => b.count - a.count)[0];
  if (!top) return null;
  return { answer: top.answer, option: top.option, count: top.count, share: percent(top.count, counts.attempts)! };
}

/** One row of the item analysis: the question as the quiz holds it now, and what the attempts say. */
export function itemRow(question: QuizQuestion, position: number, counts: QuestionCounts | undefined): ItemAnalysisRow {
  const base = {
    question: { id: question.id, position, type: question.type, prompt: question.prompt, points: question.points ?? 1 },
  };
  if (!counts || counts.attempts === 0)
    return {
      ...base,
      attempts: 0,
      facility: null,
      averageScore: null,
      discrimination: null,
      mostChosenWrong: null,
      unanswered: 0,
    };
  return {
    ...base,
    attempts: counts.attempts,
    facility: percent(counts.correct, counts.attempts),
    averageScore: counts.averageFraction === null ? null : Math.round(counts.averageFraction * 1000) / 10,
    discrimination: discriminationIndex(counts),
    mostChosenWrong: mostChosenWrong(question, counts),
    unanswered: counts.unanswered,
  };
}
