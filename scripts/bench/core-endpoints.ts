// The core reads of every bench run (issues 3 and 10): the courses list (anonymous and signed in), one
// course, its lessons, and the courses list revalidated by a phone (If-None-Match, 304); and /_health, the
// runtime's ceiling every read is compared with. Sign-in is with the writes (write-endpoints.ts).
import qs from 'qs';
import { LESSONS_PER_COURSE } from './dataset';
import type { Endpoint } from './measure';

function problems(list: (string | false | undefined)[]): string | undefined {
  const found = list.filter((p): p is string => Boolean(p));
  return found.length ? found.join('; ') : undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const query = (params: object) => '?' + qs.stringify(params);

/** Q1 of the issue: published Quran courses, instructor populated, page 1 of 20, newest first. */
export const COURSES_PATH =
  '/api/courses' +
  query({
    filters: { category: { $eq: 'quran' }, isPublished: { $eq: 'true' } },
    populate: { instructor: '*' },
    pagination: { page: 1, pageSize: 20 },
    sort: ['createdAt:desc'],
  });
export const coursePath = (courseDocumentId: string) =>
  `/api/courses/${courseDocumentId}` + query({ populate: { lessons: '*', instructor: '*' } });
export const lessonsPath = (courseDocumentId: string) =>
  '/api/lessons' +
  query({
    filters: { course: { documentId: { $eq: courseDocumentId } } },
    sort: ['order:asc'],
    pagination: { pageSize: 50 },
  });

export const HEALTH: Endpoint = { name: 'GET /_health (no database)', method: 'GET', path: '/_health', expect: [204] };

export const COURSES_NAME = 'courses: filter, populate, sort';
export const SIGNED_IN_COURSES_NAME = 'courses, signed in (token check in the same round trip)';
export const REVALIDATED_NAME = 'courses, revalidated: If-None-Match → 304';

/** The reads; `studentToken` adds the signed-in list, `etag` (of the anonymous list) the revalidation. */
export function coreEndpoints(courseDocumentId: string, studentToken?: string, etag?: string): Endpoint[] {
  const coursesCheck = (body: unknown) => {
    const data = isObject(body) && Array.isArray(body.data) ? (body.data as Json[]) : undefined;
    if (!data) return 'no data array';
    const dates = data.map((c) => String(c.createdAt));
    return problems([
      data.length !== 20 && `${data.length} rows, expected 20`,
      data.some((c) => c.category !== 'quran') &&
        `filter on category not applied (categories: ${[...new Set(data.map((c) => c.category))].join(', ')})`,
      data.some((c) => c.isPublished !== true) && 'filter on isPublished not applied',
      data.some((c) => !isObject(c.instructor)) && 'instructor not populated',
      dates.some((d, i) => i > 0 && d > dates[i - 1]!) && 'not sorted by createdAt desc',
    ]);
  };
  const endpoints: Endpoint[] = [
    { name: COURSES_NAME, method: 'GET', path: COURSES_PATH, check: coursesCheck },
    {
      name: 'course findOne: populate lessons, instructor',
      method: 'GET',
      path: coursePath(courseDocumentId),
      check: (body) => {
        const data = isObject(body) && isObject(body.data) ? body.data : undefined;
        if (!data) return 'no data object';
        return problems([
          !Array.isArray(data.lessons)
            ? 'lessons not populated'
            : data.lessons.length !== LESSONS_PER_COURSE &&
              `${data.lessons.length} lessons, expected ${LESSONS_PER_COURSE}`,
          !isObject(data.instructor) && 'instructor not populated',
        ]);
      },
    },
    {
      name: 'lessons of a course: filter, sort',
      method: 'GET',
      path: lessonsPath(courseDocumentId),
      check: (body) => {
        const data = isObject(body) && Array.isArray(body.data) ? (body.data as Json[]) : undefined;
        if (!data) return 'no data array';
        const orders = data.map((l) => Number(l.order));
        return problems([
          data.length !== LESSONS_PER_COURSE && `${data.length} rows, expected ${LESSONS_PER_COURSE}`,
          orders.some((o, i) => i > 0 && o < orders[i - 1]!) && 'not sorted by order asc',
        ]);
      },
    },
  ];
  if (studentToken) {
    endpoints.push({
      name: SIGNED_IN_COURSES_NAME,
      method: 'GET',
      path: COURSES_PATH,
      headers: { authorization: `Bearer ${studentToken}` },
      check: coursesCheck,
    });
  }
  if (etag) {
    endpoints.push({
      name: REVALIDATED_NAME,
      method: 'GET',
      path: COURSES_PATH,
      headers: { 'if-none-match': etag },
      expect: [304],
    });
  }
  return endpoints;
}
