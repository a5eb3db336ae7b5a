// Loading one student's hifz pages: progress, recent sittings and recordings. The Quran text (`loadQuran`,
// 310 KB compressed the first time) is loaded beside them, not with them, so a page draws what it has without
// waiting for the text and adds the words when they arrive.
import type { HifzProgress, HifzRecitation, HifzSession, HifzToday } from '$contract/hifz';
import { ApiError } from '$lib/api/errors';
import { fetchProgress, fetchRecitations, fetchSittings, fetchToday } from '$lib/api/hifz';
import type { ApiClient } from '$lib/api/client';

export interface StudentHifz {
  progress: HifzProgress;
  sittings: HifzSession[];
  recitations: HifzRecitation[];
  /** Null when the student has no plan yet (the teacher sets one). */
  today: HifzToday | null;
}

export async function loadStudentHifz(api: ApiClient, student: string, signal?: AbortSignal): Promise<StudentHifz> {
  const [progress, sittings, recitations, today] = await Promise.all([
    fetchProgress(api, student, signal),
    fetchSittings(api, student, signal),
    fetchRecitations(api, { student }, signal),
    todayOrNull(api, student, signal),
  ]);
  return { progress, sittings, recitations, today };
}

/**
 * Today's proposal, or null when the student has no plan (the server answers `data: null`). A teacher asking
 * about a student who is not theirs yet is told 404 (the server does not say more): the plan form is then how
 * they take the student on.
 */
export function todayOrNull(api: ApiClient, student: string, signal?: AbortSignal): Promise<HifzToday | null> {
  return fetchToday(api, student, signal).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
}
