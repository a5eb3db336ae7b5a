import type { QuizQuestion } from '../../contract/quiz-questions';

// Harakat (fathatan … sukun, superscript alef), Quranic annotation marks, and tatweel (kashida).
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/**
 * How a typed answer is compared: Unicode NFKC, case-folded, whitespace collapsed; for Arabic, optionally
 * without diacritics and tatweel, so "الرَّحِيمِ" and "الرحيم" are the same answer.
 */
export function normalizeAnswer(text: string, ignoreDiacritics: boolean): string {
  let out = text.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/gu, ' ').trim();
  if (ignoreDiacritics) out = out.replace(ARABIC_MARKS, '').replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627');
  return out;
}

export interface QuestionResult {
  questionId: string;
  /** Points earned, possibly fractional (partial credit). */
  earned: number;
  points: number;
  correct: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Scores one answer, given in the question's ORIGINAL option indexes.
 * - single choice, true/false, short answer: all or nothing;
 * - multiple choice: (right picks − wrong picks) / number of right options, never below zero, so
 *   ticking everything earns nothing;
 * - ordering: the share of items placed in their correct position.
 * A missing or malformed answer earns zero.
 */
export function gradeQuestion(question: QuizQuestion, answer: unknown): QuestionResult {
  const points = question.points ?? 1;
  const result = (fraction: number): QuestionResult => ({
    questionId: question.id,
    earned: round2(points * fraction),
    points,
    correct: fraction === 1,
  });
  switch (question.type) {
    case 'single_choice':
      return result(answer === question.answer ? 1 : 0);
    case 'true_false':
      return result(answer === question.answer ? 1 : 0);
    case 'short_answer': {
      if (typeof answer !== 'string') return result(0);
      const given = normalizeAnswer(answer, question.ignoreDiacritics ?? true);
      return result(
        question.answer.some((accepted) => normalizeAnswer(accepted, question.ignoreDiacritics ?? true) === given)
          ? 1
          : 0,
      );
    }
    case 'multiple_choice': {
      if (!Array.isArray(answer)) return result(0);
      const picked = new Set(answer.filter((a): a is number => Number.isInteger(a)));
      const right = new Set(question.answer);
      const rightPicks = [...picked].filter((p) => right.has(p)).length;
      const wrongPicks = picked.size - rightPicks;
      return result(Math.max(0, (rightPicks - wrongPicks) / right.size));
    }
    case 'ordering': {
      if (!Array.isArray(answer) || answer.length !== question.answer.length) return result(0);
      const inPlace = question.answer.filter((item, position) => answer[position] === item).length;
      return result(inPlace / question.answer.length);
    }
  }
}

export interface AttemptGrade {
  scorePercent: number;
  earned: number;
  possible: number;
  questions: QuestionResult[];
}

export function gradeAttempt(questions: QuizQuestion[], answers: Record<string, unknown>): AttemptGrade {
  const results = questions.map((q) => gradeQuestion(q, answers[q.id]));
  const earned = round2(results.reduce((sum, r) => sum + r.earned, 0));
  const possible = results.reduce((sum, r) => sum + r.points, 0);
  return {
    scorePercent: possible === 0 ? 0 : Math.round((100 * earned) / possible),
    earned,
    possible,
    questions: results,
  };
}
