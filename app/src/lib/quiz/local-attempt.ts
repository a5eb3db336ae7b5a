// An attempt taken on the phone from its stored copy of the quiz (questions without answers): laid out
// here the way the server lays out an online one (worker/services/learning/quiz-attempts.ts), and sent
// later as an offline attempt, graded once by the server.
import type { AttemptQuestion, OfflineAttemptInput, Quiz, StartedAttempt } from '$lib/api/types';
import { deadlineAfter } from './timer';

type Layout = OfflineAttemptInput['layout'];

/** A local attempt: what the player shows (like a server attempt) and the layout it will send. */
export interface LocalAttempt {
  clientId: string;
  quiz: StartedAttempt['quiz'];
  startedAt: string;
  deadlineAt: string | null;
  questions: AttemptQuestion[];
  layout: Layout;
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const optionsOf = (q: Quiz['questions'][number]): string[] | null => ('options' in q ? q.options : null);

/** The quiz's questions as an attempt with this layout shows them (its order of questions and options). */
export function questionsInLayout(questions: Quiz['questions'], layout: Layout): AttemptQuestion[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  return layout.flatMap(({ questionId, optionOrder }) => {
    const q = byId.get(questionId);
    if (!q) return [];
    const options = optionsOf(q);
    return [
      {
        id: q.id,
        type: q.type,
        prompt: q.prompt,
        points: q.points ?? 1,
        ...(options && optionOrder && { options: optionOrder.map((o) => options[o]!) }),
      },
    ];
  });
}

/** Lays the stored quiz out for one attempt: shuffled when the quiz asks for it, then fixed. */
export function startLocalAttempt(
  quiz: Pick<
    Quiz,
    | 'documentId'
    | 'title'
    | 'questions'
    | 'randomizeQuestions'
    | 'timeLimit'
    | 'passingScore'
    | 'attemptsAllowed'
    | 'showCorrectAnswers'
  >,
  now = new Date(),
  random: () => number = Math.random,
  clientId: string = crypto.randomUUID(),
): LocalAttempt {
  const order = quiz.randomizeQuestions ? shuffled(quiz.questions, random) : quiz.questions;
  const layout: Layout = order.map((q) => {
    const options = optionsOf(q);
    const identity = options ? options.map((_, i) => i) : null;
    return {
      questionId: q.id,
      optionOrder: identity && quiz.randomizeQuestions ? shuffled(identity, random) : identity,
    };
  });
  const questions = questionsInLayout(quiz.questions, layout);
  const startedAt = now.toISOString();
  return {
    clientId,
    quiz: {
      documentId: quiz.documentId,
      title: quiz.title,
      passingScore: quiz.passingScore,
      timeLimit: quiz.timeLimit,
      attemptsAllowed: quiz.attemptsAllowed,
      showCorrectAnswers: quiz.showCorrectAnswers,
    },
    startedAt,
    deadlineAt: deadlineAfter(startedAt, quiz.timeLimit),
    questions,
    layout,
  };
}

/** The attempt as it is sent: finished at `finishedAt` on the phone's clock (never after its deadline). */
export function offlineSubmission(
  attempt: LocalAttempt,
  answers: Record<string, unknown>,
  finishedAt = new Date(),
): OfflineAttemptInput {
  const end =
    attempt.deadlineAt && finishedAt.toISOString() > attempt.deadlineAt ? attempt.deadlineAt : finishedAt.toISOString();
  return {
    clientId: attempt.clientId,
    layout: attempt.layout,
    answers,
    startedAt: attempt.startedAt,
    submittedAt: end,
  };
}
