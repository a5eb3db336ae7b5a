import qs from 'qs';
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../content/registry';
import type { AuthUser } from '../env';
import type { ApiError } from '../lib/errors';
import { QUERY_LIMITS, type QueryLimit } from './limits';
import { parseListQuery, parseQueryString } from './parse-query';

const admin: AuthUser = { id: 1, documentId: 'a', role: 'admin' };
const student: AuthUser = { id: 2, documentId: 's', role: 'student' };

/** Parses a query object (serialized the way Strapi clients do) for a type, as a student unless told. */
const parse = (type: string, query: object, user: AuthUser | null = student) =>
  parseListQuery(CONTENT_TYPES[type]!, parseQueryString(qs.stringify(query, { encodeValuesOnly: true })), user);

function refusal(type: string, query: object, user: AuthUser | null = student): ApiError {
  try {
    parse(type, query, user);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error(`accepted: ${qs.stringify(query, { encodeValuesOnly: true })}`);
}

/** Accepted at its limit; one more is a 400 whose message and details name the limit. */
function holdsAt(limit: QueryLimit, type: string, atLimit: object, overLimit: object, user: AuthUser | null = student) {
  expect(() => parse(type, atLimit, user)).not.toThrow();
  const error = refusal(type, overLimit, user);
  expect(error.status).toBe(400);
  expect(error.message).toContain(`query limit ${limit} = ${QUERY_LIMITS[limit]}`);
  expect(error.details).toMatchObject({ limit: { name: limit, max: QUERY_LIMITS[limit] } });
}

const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe('query limits: each holds at its value and refuses one more with a 400 naming it', () => {
  it('conditions: 20 in the whole request, populate filters included', () => {
    const twenty = { $or: times(10, (i) => ({ title: { $eq: `t${i}` } })), $and: times(10, (i) => ({ order: i })) };
    holdsAt('conditions', 'lessons', { filters: twenty }, { filters: { ...twenty, isLocked: false } });
    const nineteen = { ...twenty, $and: times(9, (i) => ({ order: i })) };
    expect(() =>
      parse('lessons', { filters: nineteen, populate: { quiz: { filters: { title: 'q' } } } }),
    ).not.toThrow();
    expect(
      refusal('lessons', { filters: twenty, populate: { quiz: { filters: { title: 'q' } } } }).details,
    ).toMatchObject({ limit: { name: 'conditions' } });
  });

  it('branches: 10 items in one $or or $and, also inside a field', () => {
    const or = (n: number) => ({ $or: times(n, (i) => ({ title: { $eq: `t${i}` } })) });
    holdsAt('branches', 'courses', { filters: or(10) }, { filters: or(11) });
    const fieldOr = (n: number) => ({ title: { $or: times(n, (i) => ({ $eq: `t${i}` })) } });
    holdsAt('branches', 'courses', { filters: fieldOr(10) }, { filters: fieldOr(11) });
  });

  it('listValues: 100 values in one $in or $notIn', () => {
    const list = (n: number) => ({ id: { $notIn: times(n, (i) => i + 1) } });
    holdsAt('listValues', 'courses', { filters: list(100) }, { filters: list(101) });
    expect(refusal('courses', { filters: { id: { $in: times(101, (i) => i + 1).join(',') } } }).details).toMatchObject({
      limit: { name: 'listValues' },
    });
  });

  it('nesting: $and, $or and $not four deep', () => {
    const nest = (n: number): object => (n === 0 ? { title: 'x' } : { $not: nest(n - 1) });
    holdsAt('nesting', 'courses', { filters: nest(4) }, { filters: nest(5) });
    const mixed = { $and: [{ $or: [{ $not: { title: { $not: { $eq: 'x' } } } }] }] };
    expect(() => parse('courses', { filters: mixed })).not.toThrow();
    expect(refusal('courses', { filters: { $not: mixed } }).details).toMatchObject({ limit: { name: 'nesting' } });
  });

  it('relationHops: a filter crosses two relations', () => {
    holdsAt(
      'relationHops',
      'lessons',
      { filters: { course: { instructor: { name: { $eq: 'Amina' } } } } },
      { filters: { quiz: { lesson: { course: { title: { $eq: 'x' } } } } } },
    );
    expect(refusal('lessons', { filters: { quiz: { lesson: { course: { $null: true } } } } }).details).toMatchObject({
      limit: { name: 'relationHops' },
    });
  });

  it('toManyHops: one to-many relation, only as the first step', () => {
    holdsAt(
      'toManyHops',
      'courses',
      { filters: { lessons: { quiz: { title: { $eq: 'x' } } } } },
      { filters: { instructor: { courses: { title: { $eq: 'x' } } } } },
    );
    // Every lesson's course's lessons: each lesson is reached once per sibling.
    expect(refusal('lessons', { filters: { course: { lessons: { title: 'x' } } } }).details).toMatchObject({
      limit: { name: 'toManyHops' },
    });
  });

  it('textSearches: one substring or case-insensitive condition on long text; short text does not count', () => {
    const searches = (n: number) => ({ $or: times(n, (i) => ({ content: { $containsi: `w${i}` } })) });
    holdsAt('textSearches', 'lessons', { filters: searches(1) }, { filters: searches(2) });
    const titles = { $or: times(10, (i) => ({ title: { $containsi: `w${i}` } })) };
    expect(() => parse('lessons', { filters: { ...searches(1), $and: [titles] } })).not.toThrow();
    expect(() =>
      parse('courses', { filters: { $or: [{ title: { $containsi: 'w' } }, { description: { $containsi: 'w' } }] } }),
    ).not.toThrow();
    expect(
      refusal('courses', { filters: { description: { $eqi: 'a', $endsWith: 'b', $nei: 'c' } } }).details,
    ).toMatchObject({ limit: { name: 'textSearches' } });
  });

  it('sortFields: five fields in one sort', () => {
    const five = ['title:asc', 'order', 'createdAt:desc', 'course.title', 'type'];
    holdsAt('sortFields', 'lessons', { sort: five }, { sort: [...five, 'id'] });
    expect(refusal('lessons', { sort: 'title,order,createdAt,type,id,updatedAt' }).details).toMatchObject({
      limit: { name: 'sortFields' },
    });
  });

  it('populateDepth: four levels of populate', () => {
    const chain = (names: string[]): object =>
      names.length === 1 ? { [names[0]!]: true } : { [names[0]!]: { populate: chain(names.slice(1)) } };
    holdsAt(
      'populateDepth',
      'quizzes',
      { populate: chain(['lesson', 'course', 'instructor', 'photo']) },
      { populate: chain(['lesson', 'quiz', 'lesson', 'course', 'instructor']) },
      admin,
    );
  });

  it('populatedRelations: 20 relations in one request', () => {
    const twenty = {
      instructor: {
        populate: {
          photo: true,
          courses: { populate: { instructor: { populate: { photo: true } }, coverImage: true } },
        },
      },
      coverImage: true,
      lessons: {
        populate: {
          course: { populate: { instructor: { populate: { photo: true } }, coverImage: true } },
          media: true,
          quiz: { populate: { lesson: { populate: { course: true, media: true } } } },
        },
      },
      prerequisites: { populate: { instructor: { populate: { photo: true } } } },
    };
    const withCover = {
      ...twenty,
      prerequisites: { populate: { ...twenty.prerequisites.populate, coverImage: true } },
    };
    holdsAt('populatedRelations', 'courses', { populate: twenty }, { populate: withCover });
  });

  it('populateToMany: one to-many relation on a populate chain; `*` leaves out the ones below it', () => {
    holdsAt(
      'populateToMany',
      'instructors',
      { populate: { courses: { populate: { instructor: true, coverImage: true } } } },
      { populate: { courses: { populate: { lessons: true } } } },
    );
    expect(refusal('courses', { populate: 'lessons.attachments' }).details).toMatchObject({
      limit: { name: 'populateToMany' },
    });
    const lessons = parse('courses', { populate: { lessons: { populate: '*' } } }).select.populate.lessons!;
    expect(Object.keys(lessons.populate).sort()).toEqual(['course', 'media', 'quiz']);
  });

  it('the issue’s attack (an $or of 150 $containsi through three relations) is refused before any SQL', () => {
    const attack = {
      filters: { $or: times(150, (i) => ({ lessons: { course: { lessons: { content: { $containsi: `x${i}` } } } } })) },
    };
    expect(refusal('courses', attack).status).toBe(400);
  });
});
