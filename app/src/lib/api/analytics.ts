// The progress monitor and the analytics reports (GET /api/analytics/...): teachers see their own
// courses, admins every course. Shapes come from the worker's contract.
import type {
  CompletionRow,
  CompletionTotals,
  CoursePopularityRow,
  EngagementRow,
  ItemAnalysisMeta,
  ItemAnalysisRow,
  LiveEnrollments,
  ProgressGrid,
  ProgressGridMeta,
  QuizPerformanceRow,
  ReportAnswer,
  RetentionRow,
  StudentDetail,
} from '$contract/analytics';
import type { Achievement } from '$contract/documents';
import type { ListAnswer } from '$contract/wire';
import type { ApiClient } from './client';
import type { QueryValue } from './query';

export type * from '$contract/analytics';

/** A report window: UTC days, both included (the API's default is the last 90 days). */
export interface ReportWindow {
  from?: string;
  to?: string;
}

type Query = Record<string, QueryValue>;

/** The paths of the reports, with the parameters each takes besides the window. */
export const REPORTS = {
  completion: (api: ApiClient, q: Query, s?: AbortSignal) =>
    api.get<ReportAnswer<CompletionRow, { totals: CompletionTotals }>>('/analytics/completion', q, s),
  engagement: (api: ApiClient, q: Query, s?: AbortSignal) =>
    api.get<ReportAnswer<EngagementRow>>('/analytics/engagement', q, s),
  quizzes: (api: ApiClient, q: Query, s?: AbortSignal) =>
    api.get<ReportAnswer<QuizPerformanceRow>>('/analytics/quizzes', q, s),
  popularity: (api: ApiClient, q: Query, s?: AbortSignal) =>
    api.get<ReportAnswer<CoursePopularityRow>>('/analytics/popularity', q, s),
  retention: (api: ApiClient, q: Query, s?: AbortSignal) =>
    api.get<ReportAnswer<RetentionRow>>('/analytics/retention', q, s),
};

export function fetchItemAnalysis(api: ApiClient, quiz: string, q: Query, signal?: AbortSignal) {
  return api.get<ReportAnswer<ItemAnalysisRow, ItemAnalysisMeta>>(`/analytics/quizzes/${quiz}/items`, q, signal);
}

export function fetchLiveEnrollments(api: ApiClient, signal?: AbortSignal) {
  return api.get<{ data: LiveEnrollments }>('/analytics/enrollments/live', undefined, signal);
}

export function fetchProgressGrid(api: ApiClient, course: string, q: Query, signal?: AbortSignal) {
  return api.get<{ data: ProgressGrid; meta: ProgressGridMeta }>(`/analytics/courses/${course}/progress`, q, signal);
}

export function fetchStudentDetail(api: ApiClient, course: string, student: string, signal?: AbortSignal) {
  return api.get<{ data: StudentDetail }>(`/analytics/courses/${course}/students/${student}`, undefined, signal);
}

/**
 * Downloads the CSV of a report (the same path and parameters with format=csv): the request carries the
 * bearer token, so it goes through the client and is saved from a Blob under the server's file name.
 */
export async function downloadCsv(api: ApiClient, path: string, query: Query): Promise<void> {
  const res = await api.response(path, { query: { ...query, format: 'csv' }, headers: { accept: 'text/csv' } });
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'report.csv';
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The badges a teacher may award by hand (every achievement of the school). */
export async function fetchAchievements(api: ApiClient, signal?: AbortSignal): Promise<Achievement[]> {
  const query = { sort: ['title:asc'], pagination: { pageSize: 100 } };
  const { data } = await api.get<ListAnswer<Achievement>>('/achievements', query, signal);
  return data;
}

/** Awards a badge by hand (POST /api/user-achievements); a second award of the same badge is a 409. */
export function awardBadge(api: ApiClient, student: string, achievement: string) {
  return api.post<{ data: { achievement: { title: string } } }>('/user-achievements', {
    data: { user: student, achievement: { documentId: achievement } },
  });
}
