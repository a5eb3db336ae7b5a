// The family pages' calls: a parent's children and their records, adding and pairing a child, and the
// staff side of pairing (whom a code can be issued for, issuing one). Shapes come from worker/contract.
import type { IssuedPairingCode, PairableStudent, PairingRefusal, RedeemedPairingCode } from '$contract/families';
import type { LearnerProgress, ProgressStats } from '$contract/stats';
import type { Certificate, QuizAttempt, UserAchievement, UserProgress } from '$contract/documents';
import { getKept, oldestSavedAt } from '$lib/offline/api-cache';
import type { ApiClient } from './client';
import { ApiError } from './errors';
import type { QueryValue } from './query';
import type { ListResponse, User } from './types';

export type { IssuedPairingCode, LearnerProgress, PairableStudent, PairingRefusal };

/**
 * Each linked child with their courses and totals (`GET /api/progress-stats`, parent role). Offline: the
 * copy the service worker kept, with the time it was saved (null when the answer is fresh).
 */
export async function fetchChildrenOverview(
  api: ApiClient,
  signal?: AbortSignal,
): Promise<{ children: LearnerProgress[]; savedAt: string | null }> {
  const { body, savedAt } = await getKept<{ data: ProgressStats }>(api, '/progress-stats', undefined, signal);
  return { children: 'children' in body.data ? body.data.children : [], savedAt };
}

/** Each linked child with their courses and totals. */
export async function fetchChildrenStats(api: ApiClient, signal?: AbortSignal): Promise<LearnerProgress[]> {
  return (await fetchChildrenOverview(api, signal)).children;
}

/** What the family page shows of one child besides their courses. */
export interface ChildRecords {
  activity: UserProgress[];
  badges: UserAchievement[];
  certificates: Certificate[];
  quizResults: QuizAttempt[];
  /** Offline: when the oldest of the copies shown was saved; null when all four are fresh. */
  savedAt: string | null;
}

const RECENT = 8;

/**
 * One child's recent lessons, earned badges, certificates and graded quizzes, read in parallel. Offline:
 * the copies the service worker kept.
 */
export async function fetchChildRecords(api: ApiClient, child: string, signal?: AbortSignal): Promise<ChildRecords> {
  const mine = { user: { documentId: { $eq: child } } };
  const saved: (string | null)[] = [];
  const list = <T>(path: string, query: Record<string, QueryValue>) =>
    getKept<ListResponse<T>>(api, path, query, signal).then((answer) => {
      saved.push(answer.savedAt);
      return answer.body.data;
    });
  const [activity, badges, certificates, quizResults] = await Promise.all([
    list<UserProgress>('/user-progresses', {
      filters: mine,
      populate: { lesson: { fields: ['title', 'type'], populate: { course: { fields: ['title'] } } } },
      sort: ['lastAccessed:desc'],
      pagination: { pageSize: RECENT },
    }),
    list<UserAchievement>('/user-achievements', {
      filters: { ...mine, earnedAt: { $notNull: true } },
      populate: { achievement: { fields: ['title', 'points', 'badgeType'] } },
      sort: ['earnedAt:desc'],
      pagination: { pageSize: 50 },
    }),
    list<Certificate>('/certificates', {
      filters: mine,
      populate: { course: { fields: ['title'] }, hifzMilestone: { fields: ['kind', 'number'] } },
      pagination: { pageSize: 50 },
    }),
    list<QuizAttempt>('/quiz-attempts', {
      filters: { ...mine, submittedAt: { $notNull: true } },
      fields: ['score', 'passed', 'submittedAt', 'late'],
      populate: { quiz: { fields: ['title', 'passingScore'] } },
      sort: ['submittedAt:desc'],
      pagination: { pageSize: RECENT },
    }),
  ]);
  return { activity, badges, certificates, quizResults, savedAt: oldestSavedAt(saved) };
}

/** The certificate's PDF (it needs the parent's token, so it cannot be a plain link). */
export async function fetchCertificatePdf(api: ApiClient, documentId: string): Promise<Blob> {
  const res = await api.response(`/certificates/${encodeURIComponent(documentId)}/pdf`);
  return res.blob();
}

export interface NewChild {
  fullName: string;
  username: string;
  password: string;
  ageTier?: 'children' | 'youth' | 'adults';
}

/** A child account with no e-mail, linked to the signed-in parent by the server. */
export function createChildAccount(api: ApiClient, child: NewChild): Promise<User> {
  return api.post<User>('/users', { ...child, role: 'student' });
}

/** Spends a pairing code; the parent is then linked to the child it was issued for. */
export async function redeemPairingCode(api: ApiClient, code: string): Promise<RedeemedPairingCode> {
  const { data } = await api.post<{ data: RedeemedPairingCode }>('/pairing-codes/redeem', { data: { code } });
  return data;
}

/** Why a code was refused, when the server said (`details.reason`). */
export function pairingRefusal(error: unknown): PairingRefusal | null {
  if (!(error instanceof ApiError)) return null;
  const reason = (error.details as { reason?: unknown } | null)?.reason;
  return typeof reason === 'string' ? (reason as PairingRefusal) : null;
}

/** The students the signed-in teacher (or admin) may issue pairing codes for. */
export function fetchPairableStudents(
  api: ApiClient,
  search: { q?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
): Promise<ListResponse<PairableStudent>> {
  return api.get(
    '/pairing-codes/students',
    { q: search.q || undefined, page: search.page, pageSize: search.pageSize },
    signal,
  );
}

/** A new code for a student: the only time it is shown in clear. */
export async function issuePairingCode(api: ApiClient, child: string): Promise<IssuedPairingCode> {
  const { data } = await api.post<{ data: IssuedPairingCode }>('/pairing-codes', { data: { child } });
  return data;
}
