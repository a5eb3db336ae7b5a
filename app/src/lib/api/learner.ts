// The learner's reads and writes outside the lesson player: catalog, course page, stats, badges,
// certificates and the leaderboard. Each helper takes the client first (the signed-in one in the app).
import type { ApiClient } from './client';
import type { QueryValue } from './query';
import type { Course, Enrollment, LeaderboardAnswer, ListResponse } from './types';

export type Category = Course['category'];
export type AgeTier = Course['ageTier'];
export type Difficulty = Course['difficulty'];

export interface CatalogFilters {
  search?: string;
  category?: Category;
  ageTier?: AgeTier;
  difficulty?: Difficulty;
}

/** Published courses matching the filters, in Strapi's query format. A course for everyone ("all") shows in every age tier. */
export function catalogQuery(filters: CatalogFilters): Record<string, QueryValue> {
  const and: QueryValue[] = [{ isPublished: { $eq: true } }];
  const search = filters.search?.trim();
  if (search) and.push({ $or: [{ title: { $containsi: search } }, { description: { $containsi: search } }] });
  if (filters.category) and.push({ category: { $eq: filters.category } });
  if (filters.ageTier) and.push({ ageTier: { $in: filters.ageTier === 'all' ? ['all'] : [filters.ageTier, 'all'] } });
  if (filters.difficulty) and.push({ difficulty: { $eq: filters.difficulty } });
  return {
    filters: { $and: and },
    fields: ['title', 'description', 'category', 'ageTier', 'difficulty', 'estimatedDuration'],
    populate: { instructor: { fields: ['name'] }, lessons: { fields: ['title'] } },
    sort: ['title:asc'],
    pagination: { pageSize: 50 },
  };
}

export function fetchCatalog(api: ApiClient, filters: CatalogFilters, signal?: AbortSignal) {
  return api.get<ListResponse<Course>>('/courses', catalogQuery(filters), signal);
}

/** One course with what its page shows: instructor, lessons in order, prerequisites. */
export const coursePageQuery = {
  populate: {
    instructor: { fields: ['name', 'bio', 'qualifications'], populate: { photo: { fields: ['url'] } } },
    lessons: { sort: ['order:asc'], fields: ['title', 'type', 'order', 'duration', 'isLocked'] },
    prerequisites: { fields: ['title'] },
  },
};

/** Every enrollment of the learner, dropped and completed ones too, with the course's id and title. */
export const myEnrollmentsQuery = { populate: { course: { fields: ['title'] } }, pagination: { pageSize: 100 } };

export function fetchMyEnrollments(api: ApiClient, signal?: AbortSignal) {
  return api.get<ListResponse<Enrollment>>('/course-enrollments', myEnrollmentsQuery, signal);
}

/** Refused with 409 and `details.missingPrerequisites` while a prerequisite is not completed. */
export async function enrollInCourse(api: ApiClient, course: string): Promise<Enrollment> {
  const { data } = await api.post<{ data: Enrollment }>('/course-enrollments', { data: { course } });
  return data;
}

/** The learner's records for the lessons of one course. */
export function courseProgressQuery(course: string) {
  return {
    filters: { lesson: { course: { documentId: { $eq: course } } } },
    populate: { lesson: { fields: ['title'] } },
    pagination: { pageSize: 100 },
  };
}

/** The certificate's PDF; it needs the learner's token, so it is fetched rather than linked. */
export async function fetchCertificatePdf(api: ApiClient, documentId: string): Promise<Blob> {
  const res = await api.response(`/certificates/${encodeURIComponent(documentId)}/pdf`);
  return res.blob();
}

export function fetchLeaderboard(api: ApiClient, period: LeaderboardAnswer['meta']['period'], signal?: AbortSignal) {
  return api.get<LeaderboardAnswer>('/leaderboards', { period, limit: 10 }, signal);
}
