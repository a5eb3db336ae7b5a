// The quiz of a lesson for the player: the server's copy when reachable, the phone's copy otherwise
// (questions without answers either way: the API strips them before they leave the server).
import { NetworkError } from '$lib/api/errors';
import { fetchLessonQuiz } from '$lib/api/quiz';
import type { Quiz } from '$lib/api/types';
import { offline } from '$lib/offline/runtime.svelte';
import { api } from '$lib/session.svelte';

export type PlayerQuiz = Pick<
  Quiz,
  | 'documentId'
  | 'title'
  | 'questions'
  | 'randomizeQuestions'
  | 'timeLimit'
  | 'passingScore'
  | 'attemptsAllowed'
  | 'showCorrectAnswers'
>;

/** Offline: the phone's copy, or null when the lesson's quiz was never stored on this phone. */
export async function loadLessonQuiz(lesson: string, signal?: AbortSignal): Promise<PlayerQuiz | null> {
  try {
    return await fetchLessonQuiz(api, lesson, signal);
  } catch (error) {
    if (!(error instanceof NetworkError) || !offline.inUse()) throw error;
  }
  const { db } = await offline.open();
  return (await db.quizzes.where('lesson').equals(lesson).first()) ?? null;
}
