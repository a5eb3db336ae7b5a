// Sending an attempt taken offline (worker/routes/quiz-attempts.ts). Its own module: only the outbox's
// sender uses it, so it travels in the offline chunk and never in a page's first download.
import type { ApiClient } from './client';
import type { GradedOfflineAttempt, LearningMeta, OfflineAttemptInput } from './types';

/** Idempotent by `clientId`: 201 the first time it is graded, 200 with the same attempt on a resend. */
export async function sendOfflineAttempt(
  api: ApiClient,
  quiz: string,
  attempt: OfflineAttemptInput,
): Promise<{ created: boolean; data: GradedOfflineAttempt; meta: LearningMeta }> {
  const res = await api.response(`/quizzes/${quiz}/offline-attempts`, { method: 'POST', body: { data: attempt } });
  const body = (await res.json()) as { data: GradedOfflineAttempt; meta: LearningMeta };
  return { created: res.status === 201, ...body };
}
