import { parse } from 'qs';
import type { AuthUser } from '../env';
import type { ContentType } from '../content/types';
import type { ListQuery, Pagination } from './ast';
import { QueryBudget } from './limits';
import { parseBoolean, parseFilters } from './parse-filters';
import { parseSelect, parseSort } from './parse-select';
import { invalidQuery } from './query-error';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

const KNOWN_PARAMETERS = new Set([
  'filters',
  'populate',
  'fields',
  'sort',
  'pagination',
  'status',
  'locale',
  'publicationState',
]);

/**
 * The query string in Strapi's bracket format (qs), with limits that keep a hostile URL cheap. Objects
 * have no prototype, so a name such as `toString` or `constructor` is a key like any other (and refused
 * by name later, not dropped); `__proto__`, which qs would drop, is refused here.
 */
export function parseQueryString(search: string): Record<string, unknown> {
  return parse(search.replace(/^\?/, ''), {
    depth: 12,
    arrayLimit: 100,
    parameterLimit: 500,
    strictDepth: false,
    plainObjects: true,
    allowPrototypes: true,
    decoder: (text, decode, charset, kind) => {
      const decoded = decode(text, undefined, charset);
      if (kind === 'key' && decoded.includes('__proto__'))
        throw invalidQuery([decoded], '"__proto__" is not a query parameter name');
      return decoded;
    },
  }) as Record<string, unknown>;
}

function positiveInteger(value: unknown, at: (string | number)[], min: number, max?: number): number {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  if (!/^\d{1,9}$/.test(text)) throw invalidQuery(at, 'expected a whole number');
  const n = Number(text);
  if (n < min) throw invalidQuery(at, `must be at least ${min}`);
  if (max !== undefined && n > max) throw invalidQuery(at, `must be at most ${max}`);
  return n;
}

export function parsePagination(raw: unknown): Pagination {
  if (raw === undefined) return { mode: 'page', page: 1, pageSize: DEFAULT_PAGE_SIZE, withCount: true };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw invalidQuery(['pagination'], 'expected page/pageSize or start/limit');
  const p = raw as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!['page', 'pageSize', 'start', 'limit', 'withCount'].includes(key))
      throw invalidQuery(['pagination', key], `unknown pagination option "${key}"`);
  }
  const withCount = p.withCount === undefined ? true : parseBoolean(p.withCount, ['pagination', 'withCount']);
  const byPage = p.page !== undefined || p.pageSize !== undefined;
  const byOffset = p.start !== undefined || p.limit !== undefined;
  if (byPage && byOffset) throw invalidQuery(['pagination'], 'use either page/pageSize or start/limit, not both');
  if (byOffset) {
    // Strapi treats limit=-1 as "no limit"; we cap it at the maximum page size instead.
    const limit =
      p.limit === '-1'
        ? MAX_PAGE_SIZE
        : p.limit === undefined
          ? DEFAULT_PAGE_SIZE
          : positiveInteger(p.limit, ['pagination', 'limit'], 1, MAX_PAGE_SIZE);
    return {
      mode: 'offset',
      start: p.start === undefined ? 0 : positiveInteger(p.start, ['pagination', 'start'], 0),
      limit,
      withCount,
    };
  }
  return {
    mode: 'page',
    page: p.page === undefined ? 1 : positiveInteger(p.page, ['pagination', 'page'], 1),
    pageSize:
      p.pageSize === undefined
        ? DEFAULT_PAGE_SIZE
        : positiveInteger(p.pageSize, ['pagination', 'pageSize'], 1, MAX_PAGE_SIZE),
    withCount,
  };
}

function parseStatus(type: ContentType, query: Record<string, unknown>): ListQuery['status'] {
  const raw =
    query.status ??
    (query.publicationState === 'live'
      ? 'published'
      : query.publicationState === 'preview'
        ? undefined
        : query.publicationState);
  if (raw === undefined) return undefined;
  if (raw !== 'draft' && raw !== 'published') throw invalidQuery(['status'], 'expected draft or published');
  if (!type.publishedAttribute) return undefined;
  return raw;
}

export function checkParameters(query: Record<string, unknown>, allowed = KNOWN_PARAMETERS): void {
  for (const key of Object.keys(query)) {
    if (!allowed.has(key)) throw invalidQuery([key], `unknown query parameter; use ${[...allowed].join(', ')}`);
  }
}

export function parseListQuery(type: ContentType, query: Record<string, unknown>, user: AuthUser | null): ListQuery {
  checkParameters(query);
  const budget = new QueryBudget();
  return {
    select: parseSelect(type, query, user, budget),
    filters:
      query.filters === undefined || query.filters === '' ? undefined : parseFilters(type, query.filters, user, budget),
    sort: parseSort(type, query.sort, user, ['sort']),
    pagination: parsePagination(query.pagination),
    status: parseStatus(type, query),
  };
}

/** findOne takes fields, populate and status only. */
export function parseSingleQuery(type: ContentType, query: Record<string, unknown>, user: AuthUser | null) {
  checkParameters(query, new Set(['populate', 'fields', 'status', 'locale', 'publicationState']));
  return { select: parseSelect(type, query, user, new QueryBudget()), status: parseStatus(type, query) };
}
