import type { ApiClient } from './client';

/** A parent's view of one child (`GET /api/progress-stats`, parent role). */
export interface ChildStats {
  learner: { documentId: string; displayName: string };
  courses: { course: { documentId: string; title: string }; status: string; progress: number }[];
  totals: { coursesEnrolled: number; coursesCompleted: number; lessonsCompleted: number; points: number };
}

export async function fetchChildrenStats(api: ApiClient, signal?: AbortSignal): Promise<ChildStats[]> {
  const { data } = await api.get<{ data: { children: ChildStats[] } }>('/progress-stats', undefined, signal);
  return data.children;
}
