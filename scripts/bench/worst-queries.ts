// The most expensive list requests the query limits (worker/query/limits.ts) still allow, one per large
// table and role. `npm run bench` times them on its dataset; tests/integration/query-limits.test.ts
// checks that the limits do allow them, and refuse one step more.
import qs from 'qs';
import { QUERY_LIMITS as L } from '../../worker/query/limits';

export interface WorstQuery {
  name: string;
  /** The content type of the registry (worker/content) the path lists. */
  type: string;
  /** Who sends it: anonymous, or an admin, who reads every row of its type. */
  as: 'anonymous' | 'admin';
  path: string;
}

const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

/**
 * `L.conditions` conditions in two $or lists nested in an $or, so that none short-circuits: each looks
 * for a word no row holds, but the last, which every row passes, so the page is full too. The first
 * `L.textSearches` read long text, the rest search short text through the longest path the relation
 * rules allow.
 */
function everyConditionEvaluated(
  longText: (word: string) => object,
  shortText: (word: string, operator: '$containsi' | '$notContainsi') => object,
) {
  const conditions = times(L.conditions, (i) =>
    i < L.textSearches
      ? longText(`zqx${i}`)
      : shortText(`zqx${i}`, i === L.conditions - 1 ? '$notContainsi' : '$containsi'),
  );
  const half = Math.ceil(conditions.length / 2);
  return { $or: [{ $or: conditions.slice(0, half) }, { $or: conditions.slice(half) }] };
}

const query = (params: object) => '?' + qs.stringify(params, { encodeValuesOnly: true });
const largestPage = { pageSize: 100, withCount: true };

export const WORST_ALLOWED_QUERIES: WorstQuery[] = [
  {
    name: `courses: ${L.conditions} conditions through lessons, ${L.textSearches} in lesson content; ${L.sortFields} sorts; ${L.populatedRelations} populated`,
    type: 'courses',
    as: 'anonymous',
    path:
      '/api/courses' +
      query({
        filters: everyConditionEvaluated(
          (w) => ({ lessons: { content: { $containsi: w } } }),
          (w, op) => ({ lessons: { course: { title: { [op]: w } } } }),
        ),
        sort: ['instructor.name:desc', 'title', 'difficulty', 'category:desc', 'createdAt'],
        pagination: largestPage,
        populate: {
          lessons: { populate: { course: { populate: { instructor: { populate: { photo: true } } } }, media: true } },
          instructor: { populate: { photo: true, courses: { populate: { coverImage: true, instructor: true } } } },
          coverImage: true,
          prerequisites: { populate: { instructor: { populate: { photo: true } }, coverImage: true } },
        },
      }),
  },
  {
    name: `lessons: ${L.conditions} conditions, ${L.textSearches} in content, the rest through course and instructor`,
    type: 'lessons',
    as: 'anonymous',
    path:
      '/api/lessons' +
      query({
        filters: everyConditionEvaluated(
          (w) => ({ content: { $containsi: w } }),
          (w, op) => ({ course: { instructor: { name: { [op]: w } } } }),
        ),
        sort: ['course.title:desc', 'title', 'order:desc', 'type', 'createdAt'],
        pagination: largestPage,
        populate: { course: { populate: { instructor: { populate: { photo: true } }, prerequisites: true } } },
      }),
  },
  {
    name: `user-progresses (admin, 25,000 rows): ${L.conditions} conditions through lesson and course`,
    type: 'userProgresses',
    as: 'admin',
    path:
      '/api/user-progresses' +
      query({
        filters: everyConditionEvaluated(
          (w) => ({ lesson: { content: { $containsi: w } } }),
          (w, op) => ({ lesson: { course: { title: { [op]: w } } } }),
        ),
        sort: ['lesson.title', 'lastAccessed:desc', 'progress', 'timeSpent:desc', 'createdAt'],
        pagination: largestPage,
        populate: { lesson: { populate: { course: { populate: { instructor: true } } } }, user: true },
      }),
  },
  {
    name: `course-enrollments (admin, 15,000 rows): ${L.conditions} conditions through course and instructor`,
    type: 'enrollments',
    as: 'admin',
    path:
      '/api/course-enrollments' +
      query({
        filters: everyConditionEvaluated(
          (w) => ({ course: { description: { $containsi: w } } }),
          (w, op) => ({ course: { instructor: { name: { [op]: w } } } }),
        ),
        sort: ['course.title', 'enrolledAt:desc', 'status', 'progress:desc', 'createdAt'],
        pagination: largestPage,
        populate: { course: { populate: { lessons: true, instructor: { populate: { photo: true } } } }, user: true },
      }),
  },
];

/** The issue's attack: 150 $containsi through lessons → course → lessons. Refused by the limits. */
export const ISSUE_ATTACK: WorstQuery = {
  name: 'the issue’s attack: $or of 150 $containsi through three relations',
  type: 'courses',
  as: 'anonymous',
  path:
    '/api/courses' +
    query({
      filters: {
        $or: times(150, (i) => ({ lessons: { course: { lessons: { content: { $containsi: `zqx${i}` } } } } })),
      },
    }),
};
