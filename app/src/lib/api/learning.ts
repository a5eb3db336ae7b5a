import type { ApiClient } from './client';
import type { Enrollment, EventOutcome, ListResponse, ProgressEvent, ProgressRecord } from './types';

/** The batch endpoint's limit (`worker/routes/user-progresses.ts`). */
export const PROGRESS_BATCH_LIMIT = 500;

/** The learner's courses that are not dropped, each with its lessons, their media and quiz (no answers). */
export function enrolledCoursesQuery() {
  return {
    filters: { status: { $ne: 'dropped' } },
    populate: {
      course: {
        populate: { coverImage: true, lessons: { sort: ['order:asc'], populate: { media: true, quiz: true } } },
      },
    },
    pagination: { pageSize: 100 },
  };
}

/**
 * A course's lessons with their attachments (caption files among them), apart from the enrolled courses'
 * query: the query limits allow one to-many relation per populate chain (course → lessons is one).
 */
export function courseAttachmentsQuery(course: string) {
  return {
    filters: { course: { documentId: { $eq: course } } },
    fields: ['documentId'],
    populate: { attachments: { fields: ['url', 'name', 'mime', 'size'] } },
    pagination: { pageSize: 100 },
  };
}

export function fetchEnrollments(api: ApiClient, signal?: AbortSignal): Promise<ListResponse<Enrollment>> {
  return api.get('/course-enrollments', enrolledCoursesQuery(), signal);
}

/** Idempotent: each event's `eventId` is applied once, however often it is sent. */
export async function sendProgressBatch(api: ApiClient, events: ProgressEvent[]): Promise<EventOutcome[]> {
  const { data } = await api.post<{ data: EventOutcome[] }>('/user-progresses/batch', { data: events });
  return data;
}

/** The documentIds of the lessons the learner has completed (the server's view). */
export async function fetchCompletedLessons(api: ApiClient, signal?: AbortSignal): Promise<Set<string>> {
  const { data } = await api.get<ListResponse<Omit<ProgressRecord, 'lesson'> & { lesson?: { documentId: string } }>>(
    '/user-progresses',
    {
      filters: { completed: { $eq: true } },
      populate: { lesson: { fields: ['documentId'] } },
      pagination: { pageSize: 100 },
    },
    signal,
  );
  return new Set(data.flatMap((p) => (p.lesson ? [p.lesson.documentId] : [])));
}
