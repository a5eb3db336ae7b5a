// The hifz endpoints (worker/routes/hifz-*.ts), typed by the worker's own contract.
import type {
  HifzClassRow,
  HifzPlan,
  HifzPlanInput,
  HifzProgress,
  HifzRecitation,
  HifzRecitationInput,
  HifzSession,
  HifzSessionInput,
  HifzToday,
  HifzWeek,
  RecordedHifzSession,
} from '$contract/hifz';
import type { ApiClient } from './client';

export type * from '$contract/hifz';

type One<T> = { data: T };

export const fetchClass = async (api: ApiClient, signal?: AbortSignal) =>
  (await api.get<One<HifzClassRow[]>>('/hifz/class', undefined, signal)).data;

export const fetchPlan = async (api: ApiClient, student: string, signal?: AbortSignal) =>
  (await api.get<One<HifzPlan>>(`/hifz/plans/${student}`, undefined, signal)).data;

/** Sets (or replaces) the student's plan: 201 the first time, 200 after. */
export const savePlan = async (api: ApiClient, student: string, data: HifzPlanInput) =>
  (await api.put<One<HifzPlan>>(`/hifz/plans/${student}`, { data })).data;

export const fetchToday = async (api: ApiClient, student: string, signal?: AbortSignal) =>
  (await api.get<One<HifzToday | null>>(`/hifz/students/${student}/today`, undefined, signal)).data;

export const fetchProgress = async (api: ApiClient, student: string, signal?: AbortSignal) =>
  (await api.get<One<HifzProgress>>(`/hifz/students/${student}/progress`, undefined, signal)).data;

export const fetchWeek = async (api: ApiClient, student: string, signal?: AbortSignal) =>
  (await api.get<One<HifzWeek>>(`/hifz/students/${student}/week`, undefined, signal)).data;

export const fetchSittings = async (api: ApiClient, student: string, signal?: AbortSignal) =>
  (await api.get<One<HifzSession[]>>(`/hifz/students/${student}/sittings`, { limit: 10 }, signal)).data;

export const fetchRecitations = async (
  api: ApiClient,
  query: { student?: string; status?: HifzRecitation['status'] },
  signal?: AbortSignal,
) => (await api.get<One<HifzRecitation[]>>('/hifz/recitations', query, signal)).data;

export const sendSitting = async (api: ApiClient, data: HifzSessionInput) =>
  (await api.post<One<RecordedHifzSession>>('/hifz/sessions', { data })).data;

export const gradeRecitation = async (
  api: ApiClient,
  documentId: string,
  data: { grade: string; note?: string | null; mistakes: { clientId: string; at: string; type: string }[] },
) => (await api.post<One<HifzRecitation>>(`/hifz/recitations/${documentId}/grade`, { data })).data;

export const deleteRecitation = (api: ApiClient, documentId: string) =>
  api.delete<void>(`/hifz/recitations/${documentId}`);

/**
 * Uploads a recording: starts it (or finds it again by its device id), sends the parts the server does not
 * hold yet, completes it. Safe to run again after any interruption; the recording is stored once.
 */
export async function uploadRecitation(
  api: ApiClient,
  input: HifzRecitationInput,
  audio: Blob,
  onProgress?: (sent: number, total: number) => void,
): Promise<HifzRecitation> {
  const started = (await api.post<One<HifzRecitation>>('/hifz/recitations', { data: input })).data;
  if (!started.upload) return started;
  const { partBytes, parts, received } = started.upload;
  const have = new Set(received);
  let sent = received.length;
  for (let part = 1; part <= parts; part++) {
    if (have.has(part)) continue;
    await api.put(
      `/hifz/recitations/${started.documentId}/parts/${part}`,
      audio.slice((part - 1) * partBytes, part * partBytes),
    );
    onProgress?.(++sent, parts);
  }
  return (await api.post<One<HifzRecitation>>(`/hifz/recitations/${started.documentId}/complete`, {})).data;
}
