import { z } from 'zod';
import type { answerReview } from '../../db/schema/enums';
import { storableDateTime } from '../lib/postgres-values';
import type { QuestionView } from './documents';
import type { QuizQuestion } from './quiz-questions';

/** One progress event, as a device sends it (POST /api/user-progresses, and in batches from the outbox). */
export const progressEvent = z
  .object({
    /** Generated on the device; the same id sent again is the same event. */
    eventId: z.uuid(),
    lesson: z.string().min(1).max(24),
    progress: z.number().int().min(0).max(100).default(0),
    completed: z.boolean().default(false),
    /** Seconds spent in this event. A day at most: anything larger is a broken clock. */
    timeSpent: z.number().int().min(0).max(86_400).default(0),
    /** When it happened on the device; defaults to when the server received it. */
    occurredAt: storableDateTime.optional(),
  })
  .strict();
export type ProgressEvent = z.output<typeof progressEvent>;

/** A week of offline work fits comfortably; more is sent in several batches by the outbox. */
export const MAX_PROGRESS_BATCH = 500;

/** The learner's record for one lesson after an event. */
export interface ProgressRecord {
  documentId: string;
  lesson: string;
  progress: number;
  completed: boolean;
  quizScore: number | null;
  timeSpent: number;
  lastAccessed: string;
}

/** Why an event was refused: its lesson is unknown (404), still locked, or its id was used elsewhere (409). */
export interface EventRefusal {
  status: 404 | 409;
  name: 'NotFoundError' | 'ConflictError';
  message: string;
}

export type EventOutcome =
  | { eventId: string; status: 'applied' | 'duplicate'; progress: ProgressRecord }
  | { eventId: string; status: 'rejected'; error: EventRefusal };

/** What a learning answer tells the client besides its data: badges just earned, courses finished. */
export interface LearningMeta {
  earnedAchievements: { documentId: string; title: string; points: number }[];
  completedCourses: { documentId: string; title: string }[];
}

/** A question of an attempt, laid out for this attempt (its own order of questions and options). */
export type AttemptQuestion = Pick<QuestionView, 'id' | 'type' | 'prompt'> & { points: number; options?: string[] };

/** POST /api/quizzes/:documentId/attempts: the attempt as the learner sees it. */
export interface StartedAttempt {
  id: number;
  documentId: string;
  quiz: {
    documentId: string;
    title: string;
    passingScore: number;
    timeLimit: number | null;
    /** Null: no limit. */
    attemptsAllowed: number | null;
    showCorrectAnswers: AnswerReview;
  };
  /** 1 for the learner's first attempt at the quiz. */
  number: number;
  startedAt: string;
  deadlineAt: string | null;
  questions: AttemptQuestion[];
}

/** The right answer in the terms the learner saw: option positions of their attempt, and the texts. */
export type CorrectAnswer =
  | { index: number; text: string | undefined }
  | { indexes: number[]; texts: (string | undefined)[] }
  | { value: boolean }
  | { accepted: string[] };

/** When graded attempts show the right answers (quizzes.show_correct_answers). */
export type AnswerReview = (typeof answerReview.enumValues)[number];

export interface QuestionFeedback {
  questionId: QuizQuestion['id'];
  /** Points earned, possibly fractional (partial credit). */
  earned: number;
  points: number;
  correct: boolean;
  /** Only once the quiz shows its answers to this learner (see GradedAttempt.answersShown). */
  correctAnswer?: CorrectAnswer;
  explanation?: string | null;
}

/** POST /api/quiz-attempts/:documentId/submit. */
export interface GradedAttempt {
  documentId: string;
  score: number;
  passed: boolean;
  late: boolean;
  passingScore: number;
  submittedAt: string;
  earned: number;
  possible: number;
  /** Whether the feedback carries the right answers and explanations, by the quiz's showCorrectAnswers. */
  answersShown: boolean;
  feedback: QuestionFeedback[];
}

/** A progress event as a device writes it (defaults not yet applied). */
export type ProgressEventInput = z.input<typeof progressEvent>;
