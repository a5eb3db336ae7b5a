import fc from 'fast-check';
import { PgDialect } from 'drizzle-orm/pg-core';
import qs from 'qs';
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../content/registry';
import type { Attribute, ContentType } from '../content/types';
import type { AuthUser } from '../env';
import { ApiError } from '../lib/errors';
import { INT4, inRange, isStorableText } from '../lib/postgres-values';
import { OPERATORS, type FilterNode, type ListQuery, type PopulateNode } from './ast';
import { QUERY_LIMITS } from './limits';
import { parseListQuery, parseQueryString } from './parse-query';
import { planFindMany } from './run-query';

// Property-based: thousands of generated query strings per run, each either refused with a 400 or
// parsed into a query that stays within every limit and compiles to SQL whose parameters Postgres can
// hold. Bounded in time; a failure prints the seed and the shrunk query (FC_SEED=<seed> replays it).
const TIME_LIMIT_MS = 4_000;
const settings = {
  numRuns: 3_000,
  plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)],
  ...(process.env.FC_SEED && { seed: Number(process.env.FC_SEED) }),
};

const users: (AuthUser | null)[] = [
  null,
  { id: 7, documentId: 's', role: 'student' },
  { id: 8, documentId: 'p', role: 'parent' },
  { id: 9, documentId: 't', role: 'teacher' },
  { id: 1, documentId: 'a', role: 'admin' },
];
const typeNames = Object.keys(CONTENT_TYPES).filter((name) => !CONTENT_TYPES[name]!.readableThroughRelations);

const hostileNames = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype', 'nope', ''];
/** Mostly `common`, now and then `rare`: generated queries should mostly get far into the parser. */
const mostly = <T>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: common }, { weight: 1, arbitrary: rare });

/** Values at and past the edges of what columns hold, and text Postgres refuses. */
const edgeValue = fc.constantFrom(
  '2147483647',
  '2147483648',
  '-2147483649',
  '32768',
  '99999999999999999999',
  '1e400',
  '1e10',
  'NaN',
  'Infinity',
  '',
  ' ',
  'null',
  '1,2,99999999999',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '10000-01-01',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20',
  'a\u0000b',
  'a%b_c\\',
);
const oldest = new Date('0001-01-01T00:00:00Z');
const latest = new Date('9999-12-31T23:59:59Z');

/** A value for an attribute: usually one of its type, sometimes an edge case or anything at all. */
function valueFor(attribute: Attribute): fc.Arbitrary<string> {
  const typed: Record<Attribute['type'], fc.Arbitrary<string>> = {
    // Past int4 as often as within it: the column's range is what is being checked.
    integer: fc.oneof(fc.integer().map(String), fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String)),
    number: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    boolean: fc.constantFrom('true', 'false', '1', '0'),
    datetime: fc.date({ min: oldest, max: latest, noInvalidDate: true }).map((d) => d.toISOString()),
    date: fc.date({ min: oldest, max: latest, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    enum: fc.constantFrom(...(attribute.enum ?? ['x'])),
    string: fc.string({ maxLength: 12 }),
    text: fc.string({ maxLength: 12 }),
    json: fc.string({ maxLength: 12 }),
  };
  return fc.oneof(
    { weight: 12, arbitrary: typed[attribute.type] },
    { weight: 2, arbitrary: edgeValue },
    {
      weight: 1,
      arbitrary: fc.string({ maxLength: 8 }),
    },
  );
}

/** A condition on one attribute: shorthand, one or two operators, a list for $in/$between. */
function conditionFor(attribute: Attribute): fc.Arbitrary<unknown> {
  const one = valueFor(attribute);
  const operand = fc.oneof(
    one,
    fc.array(one, { minLength: 1, maxLength: 4 }),
    fc.array(one, { maxLength: 3 }).map((l) => l.join(',')),
  );
  return fc.oneof(
    one,
    fc.dictionary(fc.constantFrom(...OPERATORS), operand, { minKeys: 1, maxKeys: 2 }),
    fc.record({ $not: fc.dictionary(fc.constantFrom(...OPERATORS), one, { minKeys: 1, maxKeys: 1 }) }),
  );
}

/** Anything qs can express, for the rare parameter that is not Strapi-shaped at all. */
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(edgeValue, fc.string({ maxLength: 8 })),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...OPERATORS, '$or', ...hostileNames), fc.string({ maxLength: 6 })),
      tie('value'),
      {
        maxKeys: 3,
      },
    ),
  ),
}));

/** Filters made of the type's own names, through its relations, with now and then a hostile name. */
const filterCache = new Map<string, fc.Arbitrary<Record<string, unknown>>>();
function filterFor(typeName: string, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const cacheKey = `${typeName}:${depth}`;
  const cached = filterCache.get(cacheKey);
  if (cached) return cached;
  const type = CONTENT_TYPES[typeName]!;
  const entries: fc.Arbitrary<[string, unknown]>[] = Object.entries(type.attributes).map(([name, attribute]) =>
    fc.tuple(fc.constant(name), conditionFor(attribute)),
  );
  entries.push(fc.tuple(fc.constantFrom(...hostileNames), fc.string({ maxLength: 4 })));
  if (depth > 0) {
    const inner = fc.constant(null).chain(() => filterFor(typeName, depth - 1));
    entries.push(fc.tuple(fc.constantFrom('$and', '$or'), fc.array(inner, { minLength: 1, maxLength: 12 })));
    entries.push(fc.tuple(fc.constant('$not'), inner));
    for (const [name, relation] of Object.entries(type.relations)) {
      const target = fc.constant(null).chain(() => filterFor(relation.target, depth - 1));
      entries.push(
        fc.tuple(fc.constant(name), fc.oneof(target, fc.record({ $null: fc.constantFrom('true', 'false') }))),
      );
    }
  }
  const arbitrary = fc
    .array(fc.oneof(...entries), { minLength: 1, maxLength: 3 })
    .map((pairs) => Object.fromEntries(pairs));
  filterCache.set(cacheKey, arbitrary);
  return arbitrary;
}

function sortFor(typeName: string): fc.Arbitrary<unknown> {
  const type = CONTENT_TYPES[typeName]!;
  const field = mostly(
    fc.oneof(
      fc.constantFrom(...Object.keys(type.attributes)),
      ...Object.entries(type.relations)
        .filter(([, relation]) => !relation.many)
        .map(([name, relation]) =>
          fc.constantFrom(...Object.keys(CONTENT_TYPES[relation.target]!.attributes)).map((a) => `${name}.${a}`),
        ),
    ),
    fc.constantFrom(...hostileNames, 'instructor.toString', 'lessons.title'),
  );
  const direction = mostly(fc.constantFrom('asc', 'desc', 'DESC'), fc.constantFrom('up', ''));
  const item = fc.tuple(field, direction).map(([f, d]) => `${f}:${d}`);
  return fc.oneof(
    fc.array(item, { minLength: 1, maxLength: 6 }),
    fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(',')),
    fc.dictionary(field, direction, { minKeys: 1, maxKeys: 3 }),
  );
}

function populateFor(typeName: string, depth: number): fc.Arbitrary<unknown> {
  const type = CONTENT_TYPES[typeName]!;
  const relations = Object.keys(type.relations);
  const name = mostly(fc.constantFrom(...(relations.length ? relations : ['nope'])), fc.constantFrom(...hostileNames));
  if (depth === 0 || !relations.length) return fc.oneof(fc.constant('*'), name);
  const spec = (target: string) =>
    fc.oneof(
      fc.constantFrom(true, '*'),
      fc.record(
        {
          populate: fc.constant(null).chain(() => populateFor(target, depth - 1)),
          filters: fc.constant(null).chain(() => filterFor(target, 1)),
          sort: fc.constant(null).chain(() => sortFor(target)),
          fields: fc.array(
            mostly(
              fc.constantFrom(...Object.keys(CONTENT_TYPES[target]!.attributes)),
              fc.constantFrom(...hostileNames),
            ),
            {
              minLength: 1,
              maxLength: 3,
            },
          ),
        },
        { requiredKeys: [] },
      ),
    );
  return fc.oneof(
    fc.constant('*'),
    fc.array(name, { minLength: 1, maxLength: 3 }).map((list) => list.join(',')),
    fc
      .array(
        mostly(
          fc.oneof(...Object.entries(type.relations).map(([n, r]) => fc.tuple(fc.constant(n), spec(r.target)))),
          fc.tuple(fc.constantFrom(...hostileNames), fc.constant(true)),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((pairs) => Object.fromEntries(pairs)),
  );
}

/** Strapi parameters for one type: mostly well-formed, built from its own names. */
function parametersFor(typeName: string) {
  const type = CONTENT_TYPES[typeName]!;
  const count = fc.oneof(fc.integer({ min: 0, max: 120 }).map(String), edgeValue);
  return fc.record(
    {
      filters: mostly(filterFor(typeName, 3), value),
      sort: mostly(sortFor(typeName), value),
      populate: mostly(populateFor(typeName, 4), value),
      fields: mostly(fc.array(fc.constantFrom(...Object.keys(type.attributes)), { minLength: 1, maxLength: 4 }), value),
      pagination: mostly(
        fc.oneof(
          fc.record(
            { page: count, pageSize: count, withCount: fc.constantFrom('true', 'false') },
            { requiredKeys: [] },
          ),
          fc.record({ start: count, limit: count }, { requiredKeys: [] }),
        ),
        value,
      ),
      status: mostly(fc.constantFrom('draft', 'published'), fc.string({ maxLength: 4 })),
    },
    { requiredKeys: [] },
  );
}

/** What a client might put in a URL, brackets and escapes included. */
const rawSearch = fc
  .array(
    fc.constantFrom(
      'filters',
      'populate',
      'sort',
      '[',
      ']',
      '=',
      '&',
      '$or',
      '$in',
      '0',
      'title',
      '%00',
      '%',
      '.',
      '__proto__',
    ),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join(''));
const request = fc.constantFrom(...typeNames).chain((typeName) =>
  fc.record({
    typeName: fc.constant(typeName),
    user: fc.constantFrom(...users),
    search: mostly(
      parametersFor(typeName).map((p) => qs.stringify(p, { encodeValuesOnly: true })),
      rawSearch,
    ),
  }),
);

const dialect = new PgDialect();

type Condition = Extract<FilterNode, { kind: 'condition' }>;

/** Every condition of a filter tree, with the content type whose attribute it tests. */
function* conditions(node: FilterNode | undefined, type: ContentType): Generator<[Condition, ContentType]> {
  if (!node) return;
  if (node.kind === 'condition') yield [node, type];
  else if (node.kind === 'and' || node.kind === 'or') for (const item of node.items) yield* conditions(item, type);
  else if (node.kind === 'not') yield* conditions(node.item, type);
  else if (node.kind === 'relation')
    yield* conditions(node.filter, CONTENT_TYPES[type.relations[node.relation]!.target]!);
}

function* populated(nodes: Record<string, PopulateNode>): Generator<PopulateNode> {
  for (const node of Object.values(nodes)) {
    yield node;
    yield* populated(node.populate);
  }
}

/** Operators whose value is compared as the column's own type (the others compare text). */
const COMPARISONS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between']);

/** What the limits and the value checks promise of any query they let through. */
function expectWithinLimits(query: ListQuery): void {
  const nodes = [...populated(query.select.populate)];
  const all = [
    ...conditions(query.filters, query.select.type),
    ...nodes.flatMap((node) => [...conditions(node.filters, node.type)]),
  ];
  expect(all.length).toBeLessThanOrEqual(QUERY_LIMITS.conditions);
  expect(nodes.length).toBeLessThanOrEqual(QUERY_LIMITS.populatedRelations);
  expect(query.sort.length).toBeLessThanOrEqual(QUERY_LIMITS.sortFields);
  // Every name in the parsed query is the registry's own, never one found on Object.prototype.
  const own = (record: object, name: string) => expect(Object.hasOwn(record, name), name).toBe(true);
  for (const node of [query.select, ...nodes]) {
    for (const field of node.fields) own(node.type.attributes, field);
    for (const name of Object.keys(node.populate)) own(node.type.relations, name);
  }
  for (const [sorts, type] of [
    [query.sort, query.select.type],
    ...nodes.map((n) => [n.sort, n.type] as const),
  ] as const) {
    for (const item of sorts) {
      if (item.relation) own(type.relations, item.relation);
      own(
        item.relation ? CONTENT_TYPES[type.relations[item.relation]!.target]!.attributes : type.attributes,
        item.attribute,
      );
    }
  }
  for (const [condition, type] of all) {
    own(type.attributes, condition.attribute);
    const values = Array.isArray(condition.value) ? condition.value : [condition.value];
    expect(values.length).toBeLessThanOrEqual(QUERY_LIMITS.listValues);
    const attribute = type.attributes[condition.attribute]!;
    if (attribute.type === 'integer' && COMPARISONS.has(condition.operator))
      for (const v of values) expect(inRange(v as number, attribute.range ?? INT4), String(v)).toBe(true);
  }
}

/** Every bound parameter fits the type Postgres reads it as. */
function expectStorableParameters(params: unknown[]): void {
  expect(params.length).toBeLessThan(65_535);
  for (const param of params) {
    if (typeof param === 'string') expect(isStorableText(param), JSON.stringify(param)).toBe(true);
    else if (typeof param === 'number') expect(Number.isFinite(param), String(param)).toBe(true);
    else expect(typeof param).toBe('boolean');
  }
}

describe('the query parser, on generated query strings (property-based)', () => {
  it('refuses with a 400 or yields a query within the limits whose SQL Postgres accepts', () => {
    fc.assert(
      fc.property(request, ({ typeName, user, search: text }) => {
        const type = CONTENT_TYPES[typeName]!;
        let query: ListQuery;
        try {
          query = parseListQuery(type, parseQueryString(text), user);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).status).toBe(400);
          return;
        }
        expectWithinLimits(query);
        expectStorableParameters(dialect.sqlToQuery(planFindMany(query, user).statement).params);
      }),
      settings,
    );
  });
});
