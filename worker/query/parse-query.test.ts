import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../content/registry';
import { ApiError } from '../lib/errors';
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
