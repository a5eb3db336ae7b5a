// The quiz endpoints, as the player calls them (worker/routes/quiz-attempts.ts).
import type { ApiClient } from './client';
import type { GradedAttempt, LearningMeta, Lesson, Quiz, StartedAttempt } from './types';

/** The quiz of a lesson as the learner may see it (questions without answers), or null when it has none. */
export async function fetchLessonQuiz(api: ApiClient, lesson: string, signal?: AbortSignal): Promise<Quiz | null> {
  const { data } = await api.get<{ data: Lesson }>(`/lessons/${lesson}`, { populate: { quiz: true } }, signal);
  return data.quiz ?? null;
}

/** Starts an attempt (the server's clock), or answers the one still open. A 409 says why none can start. */
export async function startAttempt(api: ApiClient, quiz: string): Promise<StartedAttempt> {
  const { data } = await api.post<{ data: StartedAttempt }>(`/quizzes/${quiz}/attempts`, {});
  return data;
}

/** Submits the answers, in the option positions this attempt showed; answered once. */
export function submitAttempt(
  api: ApiClient,
  attempt: string,
  answers: Record<string, unknown>,
): Promise<{ data: GradedAttempt; meta: LearningMeta }> {
  return api.post(`/quiz-attempts/${attempt}/submit`, { data: { answers } });
}
