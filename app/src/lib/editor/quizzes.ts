// The quiz builder's model: a quiz's settings as inputs hold them, its questions in the contract's
// shape (worker/contract/quiz-questions.ts), and the body the API validates.
import type { ApiClient, Quiz } from '$lib/api';
import type { QuizQuestion } from '$contract/quiz-questions';
import { readVersioned, saveVersioned } from './documents';

export type { QuizQuestion };
export type QuestionType = QuizQuestion['type'];
export type AnswerReview = Quiz['showCorrectAnswers'];
export const QUESTION_TYPES: QuestionType[] = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'short_answer',
  'ordering',
];
export const ANSWER_REVIEWS: AnswerReview[] = [
  'immediately',
  'after_passing',
  'after_last_attempt',
  'after_passing_or_last_attempt',
  'never',
];

export interface QuizForm {
  title: string;
  /** Minutes; empty for none. */
  timeLimit: string;
  passingScore: string;
  randomizeQuestions: boolean;
  showCorrectAnswers: AnswerReview;
  attemptsAllowed: string;
  /** Minutes; empty for none. */
  attemptDelay: string;
  questions: QuizQuestion[];
}

const minutes = (seconds: number | null) => (seconds == null ? '' : String(Math.round((seconds / 60) * 100) / 100));
const text = (value: unknown) => String(value ?? '').trim();

export function quizForm(quiz: Quiz): QuizForm {
  return {
    title: quiz.title,
    timeLimit: minutes(quiz.timeLimit),
    passingScore: String(quiz.passingScore),
    randomizeQuestions: quiz.randomizeQuestions,
    showCorrectAnswers: quiz.showCorrectAnswers,
    attemptsAllowed: quiz.attemptsAllowed == null ? '' : String(quiz.attemptsAllowed),
    attemptDelay: minutes(quiz.attemptDelay),
    // Staff receive whole questions (with answers).
    questions: quiz.questions as QuizQuestion[],
  };
}

function cleanQuestion(q: QuizQuestion): QuizQuestion {
  const explanation = q.explanation?.trim() ? q.explanation : undefined;
  const base = { ...q, explanation, points: Number(q.points) || 1 };
  if (!explanation) delete base.explanation;
  if (q.type === 'short_answer')
    return { ...base, type: q.type, answer: q.answer.map((a) => a.trim()).filter(Boolean) } as QuizQuestion;
  // The options are written in their right order; students see them shuffled.
  if (q.type === 'ordering') return { ...base, type: q.type, answer: q.options.map((_, i) => i) } as QuizQuestion;
  return base as QuizQuestion;
}

export function quizBody(form: QuizForm): Record<string, unknown> {
  const seconds = (value: string) => (text(value) === '' ? null : Math.round(Number(value) * 60));
  return {
    title: form.title,
    timeLimit: seconds(form.timeLimit),
    passingScore: Number(text(form.passingScore) || 0),
    randomizeQuestions: form.randomizeQuestions,
    showCorrectAnswers: form.showCorrectAnswers,
    attemptsAllowed: text(form.attemptsAllowed) === '' ? null : Number(form.attemptsAllowed),
    attemptDelay: seconds(form.attemptDelay),
    questions: form.questions.map(cleanQuestion),
  };
}

const questionId = () => `q-${crypto.randomUUID().slice(0, 8)}`;

/** A new question of this type, ready to be filled in. */
export function newQuestion(type: QuestionType): QuizQuestion {
  const common = { id: questionId(), prompt: '', points: 1 };
  switch (type) {
    case 'single_choice':
      return { ...common, type, options: ['', ''], answer: 0 };
    case 'multiple_choice':
      return { ...common, type, options: ['', ''], answer: [0] };
    case 'true_false':
      return { ...common, type, answer: true };
    case 'short_answer':
      return { ...common, type, answer: [''], ignoreDiacritics: true };
    case 'ordering':
      return { ...common, type, options: ['', ''], answer: [0, 1] };
  }
}

/** Removes option `index`, keeping the answers pointing at the same options. */
export function removeOption(q: QuizQuestion, index: number): QuizQuestion {
  if (!('options' in q)) return q;
  const options = q.options.filter((_, i) => i !== index);
  const shift = (n: number) => (n > index ? n - 1 : n);
  if (q.type === 'single_choice') return { ...q, options, answer: q.answer === index ? 0 : shift(q.answer) };
  if (q.type === 'multiple_choice') {
    const answer = q.answer.filter((n) => n !== index).map(shift);
    return { ...q, options, answer: answer.length ? answer : [0] };
  }
  return { ...q, options, answer: options.map((_, i) => i) };
}

export async function createQuiz(api: ApiClient, lesson: string, title: string): Promise<Quiz> {
  const { data } = await api.post<{ data: Quiz }>('/quizzes', { data: { title, lesson, questions: [] } });
  return data;
}

export const fetchQuiz = (api: ApiClient, documentId: string, signal?: AbortSignal) =>
  readVersioned<Quiz>(api, `/quizzes/${documentId}`, {}, signal);

/** A quiz read along with its lesson, with the version If-Match accepts (`"<updatedAt ms>"`). */
export const versionedQuiz = (quiz: Quiz) => ({ data: quiz, version: `"${Date.parse(quiz.updatedAt)}"` });

export const saveQuiz = (api: ApiClient, documentId: string, form: QuizForm, version: string | null) =>
  saveVersioned<Quiz>(api, `/quizzes/${documentId}`, quizBody(form), version);

/** The same order every time for the same question: the preview shows options as a student may. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    const j = Math.abs(h) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
