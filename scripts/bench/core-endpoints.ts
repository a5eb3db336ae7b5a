// The core endpoints of every bench run (issue 3): the courses list, one course, its lessons, sign-in.
import qs from 'qs';
import { BENCH_PASSWORD, LESSONS_PER_COURSE } from './dataset';
import type { Endpoint } from './measure';

function problems(list: (string | false | undefined)[]): string | undefined {
  const found = list.filter((p): p is string => Boolean(p));
  return found.length ? found.join('; ') : undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function coreEndpoints(courseDocumentId: string, identifier: string): Endpoint[] {
  const query = (params: object) => '?' + qs.stringify(params);
  return [
    {
      name: 'courses: filter, populate, sort',
      method: 'GET',
      path:
        '/api/courses' +
        query({
          filters: { category: { $eq: 'quran' }, isPublished: { $eq: 'true' } },
          populate: { instructor: '*' },
          pagination: { page: 1, pageSize: 20 },
          sort: ['createdAt:desc'],
        }),
      check: (body) => {
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
      },
    },
    {
      name: 'course findOne: populate lessons, instructor',
      method: 'GET',
      path: `/api/courses/${courseDocumentId}` + query({ populate: { lessons: '*', instructor: '*' } }),
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
      path:
        '/api/lessons' +
        query({
          filters: { course: { documentId: { $eq: courseDocumentId } } },
          sort: ['order:asc'],
          pagination: { pageSize: 50 },
        }),
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
    {
      name: 'sign-in: POST /api/auth/local',
      method: 'POST',
      path: '/api/auth/local',
      body: { identifier, password: BENCH_PASSWORD },
      check: (body) => (isObject(body) && typeof body.jwt === 'string' ? undefined : 'no jwt in the answer'),
    },
  ];
}
