import type { ApiError } from '../lib/errors';
import type { Attribute } from '../content/types';
import type { Operator } from './ast';
import { invalidQuery } from './query-error';

type Path = (string | number)[];

/**
 * How much one request may ask of the database, checked while the query string is parsed, before any
 * SQL exists. Filters run over every row of a type (the page and its total are chosen after them), so
 * their cost grows with the table: these bounds keep the worst query a visitor can send to a fraction of
 * a second on the benchmark's 1,000 courses and 20,000 lessons (`npm run bench`, "worst allowed
 * queries"). Each refusal is a 400 that names its limit.
 */
export const QUERY_LIMITS = {
  /** Field conditions in the whole request, populate filters included. */
  conditions: 20,
  /** Items of one $and or $or list. */
  branches: 10,
  /** Values of one $in or $notIn. */
  listValues: 100,
  /** $and, $or and $not inside one another. */
  nesting: 4,
  /** Relations one filter path crosses (lessons.course.instructor is 2). */
  relationHops: 2,
  /**
   * To-many relations on one filter path, and only as its first step: every lesson of a course reaches
   * each lesson only once, but every lesson's course's lessons reach each lesson twenty times.
   */
  toManyHops: 1,
  /**
   * Substring and case-insensitive conditions on long text (lesson content, descriptions): each reads
   * every byte of every row it reaches, 30 MB for the benchmark's lessons. A search box needs one
   * (title OR description: the title is short text, which does not count).
   */
  textSearches: 1,
  /** Fields of one sort. */
  sortFields: 5,
  /** Levels of populate. */
  populateDepth: 4,
  /** Relations populated in the whole request. */
  populatedRelations: 20,
  /**
   * To-many relations on one populate chain: a page of 100 courses with their lessons is 2,000 rows;
   * with each lesson's attachments, or each instructor's courses' lessons, it has no useful bound.
   */
  populateToMany: 1,
} as const;

export type QueryLimit = keyof typeof QUERY_LIMITS;

/** The 400 for a request over a limit: the message and `details.limit` name it and its value. */
export function limitExceeded(path: Path, limit: QueryLimit, what: string): ApiError {
  const error = invalidQuery(path, `${what} (query limit ${limit} = ${QUERY_LIMITS[limit]})`);
  Object.assign(error.details, { limit: { name: limit, max: QUERY_LIMITS[limit] } });
  return error;
}

/** Operators that read a text value in full, whatever it holds: no index helps them. */
const TEXT_SCANS = new Set<Operator>([
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);

/** Unbounded text; a varchar(n) is short by its type. */
const isLongText = (attribute: Attribute) =>
  attribute.type === 'text' || (attribute.type === 'string' && attribute.maxLength === undefined);

/** What one request has used of the limits that count over the whole request. */
export class QueryBudget {
  private conditions = 0;
  private textSearches = 0;
  private populated = 0;

  condition(at: Path, attribute?: Attribute, operator?: Operator): void {
    if (++this.conditions > QUERY_LIMITS.conditions)
      throw limitExceeded(at, 'conditions', `at most ${QUERY_LIMITS.conditions} conditions in one request`);
    if (attribute && operator && TEXT_SCANS.has(operator) && isLongText(attribute)) {
      if (++this.textSearches > QUERY_LIMITS.textSearches)
        throw limitExceeded(
          at,
          'textSearches',
          `substring or case-insensitive conditions on long text: at most ${QUERY_LIMITS.textSearches} in one request`,
        );
    }
  }

  populate(at: Path): void {
    if (++this.populated > QUERY_LIMITS.populatedRelations)
      throw limitExceeded(
        at,
        'populatedRelations',
        `at most ${QUERY_LIMITS.populatedRelations} populated relations in one request`,
      );
  }
}
