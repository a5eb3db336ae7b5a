import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../content/registry';
import { ApiError } from '../lib/errors';
import { coerce } from './parse-filters';
import { parseListQuery, parseQueryString } from './parse-query';

const courses = CONTENT_TYPES.courses!;
const student = { id: 1, documentId: 'x', username: 's', email: null, role: 'student' as const };
const parse = (search: string, user: typeof student | null = null) =>
  parseListQuery(courses, parseQueryString(search), user);
const refusal = (search: string, user: typeof student | null = null) => {
  try {
    parse(search, user);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error(`${search} was accepted`);
};

describe('parsing Strapi query strings', () => {
  it('turns a shorthand value into $eq and coerces it to the attribute’s type', () => {
    expect(parse('filters[estimatedDuration]=30').filters).toEqual({
      kind: 'condition',
      attribute: 'estimatedDuration',
      operator: '$eq',
      value: 30,
    });
    expect(parse('filters[isPublished][$eq]=true').filters).toEqual({
      kind: 'condition',
      attribute: 'isPublished',
      operator: '$eq',
      value: true,
    });
  });

  it('reads $in as a list, from indexes or a comma string', () => {
    expect(parse('filters[id][$in][0]=1&filters[id][$in][1]=2').filters).toMatchObject({
      operator: '$in',
      value: [1, 2],
    });
    expect(parse('filters[id][$in]=1,2,3').filters).toMatchObject({ operator: '$in', value: [1, 2, 3] });
  });

  it('nests relation filters', () => {
    expect(parse('filters[instructor][name][$containsi]=amina').filters).toEqual({
      kind: 'relation',
      relation: 'instructor',
      filter: { kind: 'condition', attribute: 'name', operator: '$containsi', value: 'amina' },
    });
  });

  it('keeps the sort order and direction of every form', () => {
    expect(parse('sort=title:desc,createdAt').sort).toEqual([
      { attribute: 'title', direction: 'desc' },
      { attribute: 'createdAt', direction: 'asc' },
    ]);
    expect(parse('sort[0]=instructor.name:asc').sort).toEqual([
      { relation: 'instructor', attribute: 'name', direction: 'asc' },
    ]);
  });

  it('defaults pagination to page 1 of 25 with a count', () => {
    expect(parse('').pagination).toEqual({ mode: 'page', page: 1, pageSize: 25, withCount: true });
    expect(parse('pagination[start]=10&pagination[limit]=-1').pagination).toEqual({
      mode: 'offset',
      start: 10,
      limit: 100,
      withCount: true,
    });
  });

  it('does not let a student see staff-only fields, not even by naming them', () => {
    const instructors = CONTENT_TYPES.instructors!;
    const q = parseListQuery(instructors, parseQueryString('populate=*'), student);
    expect(q.select.fields).not.toContain('email');
    expect(() => parseListQuery(instructors, parseQueryString('filters[email][$null]=false'), student)).toThrow(
      ApiError,
    );
  });

  it('refuses a deeply nested filter instead of recursing without end', () => {
    const deep = 'filters' + '[$not]'.repeat(10) + '[title][$eq]=x';
    expect(refusal(deep).status).toBe(400);
  });

  it('names the offending key in the error path', () => {
    expect(refusal('filters[$or][0][nope]=1').details).toMatchObject({
      errors: [{ path: ['filters', '$or', 0, 'nope'] }],
    });
  });
});

describe('names and values a hostile client sends', () => {
  it.each([
    ['filters[toString][$eq]=1', ['filters', 'toString']],
    ['filters[constructor][name][$eq]=x', ['filters', 'constructor']],
    ['filters[hasOwnProperty]=1', ['filters', 'hasOwnProperty']],
    ['filters[title][valueOf]=x', ['filters', 'title', 'valueOf']],
    ['sort=toString', ['sort']],
    ['sort=instructor.constructor', ['sort']],
    ['populate=constructor', ['populate', 'constructor']],
    ['populate[__defineGetter__]=*', ['populate', '__defineGetter__']],
    ['fields=toString', ['fields']],
  ])('%s is a 400 naming the parameter, never a lookup on Object.prototype', (search, path) => {
    const error = refusal(search);
    expect(error.status).toBe(400);
    expect(error.details).toMatchObject({ errors: [{ path }] });
  });

  it('refuses __proto__ (which qs would otherwise drop, leaving the request unfiltered)', () => {
    expect(refusal('filters[__proto__][title]=x').status).toBe(400);
    expect(refusal('filters[title][__proto__]=x').status).toBe(400);
  });

  it.each([
    ['filters[id]=2147483648', 'integer'],
    ['filters[id][$in]=1,99999999999', 'integer'],
    ['filters[estimatedDuration][$between][0]=-2147483649&filters[estimatedDuration][$between][1]=1', 'integer'],
    ['filters[instructor]=3000000000', 'integer'],
    ['filters[createdAt][$gt]=0000-01-01', 'years'],
    ['filters[createdAt][$lt]=%2B275760-09-13T00:00:00Z', 'years'],
    ['filters[title][$eq]=a%00b', 'NUL'],
  ])('%s is a 400 before SQL: the column could not hold it', (search, words) => {
    const error = refusal(search);
    expect(error.status).toBe(400);
    expect(error.message).toContain(words);
  });

  it('checks dates against the calendar, and numbers against their column type', () => {
    const files = CONTENT_TYPES.files!;
    const size = files.attributes.size!;
    expect(coerce(size, '9999999999.99', ['size'])).toBe(9999999999.99);
    expect(() => coerce(size, '1e10', ['size'])).toThrow(ApiError);
    const dateOfBirth = { column: 'date_of_birth', type: 'date' as const };
    expect(coerce(dateOfBirth, '2024-02-29', ['d'])).toBe('2024-02-29');
    expect(() => coerce(dateOfBirth, '2026-02-29', ['d'])).toThrow(ApiError);
    expect(() => coerce(dateOfBirth, '0000-01-01', ['d'])).toThrow(ApiError);
  });
});
