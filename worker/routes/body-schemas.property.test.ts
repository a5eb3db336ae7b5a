import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/errors';
import { INT4, isStorableDate, isStorableText } from '../lib/postgres-values';
import { checkJsonValues, MAX_JSON_DEPTH, parseWith } from '../lib/validation';
import { CONTENT_WRITERS } from '../services/content';
import { SCHOOL_SETTINGS } from '../services/stats/school-settings';
import { refreshBody, registerBody, signInBody } from './auth';
import { enrollBody, statusBody } from './course-enrollments';
import { linkBody } from './guardian-links';
import { submitBody } from './quiz-attempts';
import { awardBody } from './user-achievements';
import { progressBatchBody, progressEventBody } from './user-progresses';
import { newUserBody, updateUserBody } from './user-schemas';

// Property-based: every JSON body schema of the API meets generated bodies (mostly shaped like what it
// expects, with values at and past the edges of their columns). A body is refused with a 400, or what
// the schema lets through is something Postgres can store: no schema throws, and none lets a value
// past that the database would refuse (a class 22 error) or read back wrong. Each schema is bounded in
// time; a failure prints the seed and the shrunk body (FC_SEED=<seed> replays it).
const TIME_LIMIT_MS = 1_000;
const settings = {
  numRuns: 600,
  plugins: [fc.interruptAfterTimeLimit(TIME_LIMIT_MS)],
  ...(process.env.FC_SEED && { seed: Number(process.env.FC_SEED) }),
};

/** Every JSON body the API reads, by the request that sends it. */
const BODY_SCHEMAS: [string, z.ZodType][] = [
  ['POST /api/auth/local', signInBody],
  ['POST /api/auth/local/register', registerBody],
  ['POST /api/auth/refresh, /api/auth/logout', refreshBody],
  ['POST /api/users', newUserBody],
  ['PUT /api/users/:id', updateUserBody],
  ['POST /api/guardian-links', linkBody],
  ['POST /api/course-enrollments', enrollBody],
  ['PUT /api/course-enrollments/:documentId', statusBody],
  ['POST /api/user-progresses', progressEventBody],
  ['POST /api/user-progresses/batch', progressBatchBody],
  ['POST /api/quiz-attempts/:documentId/submit', submitBody],
  ['POST /api/user-achievements', awardBody],
  ...Object.entries(SCHOOL_SETTINGS).map(
    ([key, setting]) =>
      [`PUT /api/school-settings/${key}`, z.object({ data: setting.schema }).strict()] as [string, z.ZodType],
  ),
  ...Object.entries(CONTENT_WRITERS).flatMap(([path, writer]) => [
    [`POST /api/${path} (data)`, writer.schemas.create] as [string, z.ZodType],
    [`PUT /api/${path}/:documentId (data)`, writer.schemas.update] as [string, z.ZodType],
  ]),
];

type Def = Record<string, unknown> & { type?: string; format?: string; shape?: Record<string, z.ZodType> };
const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

/** The schema under optional/nullable/default wrappers and pipes. */
function unwrapped(schema: unknown): Def {
  const def = defOf(schema);
  const inner = def.innerType ?? def.in;
  return inner === undefined ? def : unwrapped(inner);
}

const isDateSchema = (schema: unknown) => ['date', 'datetime'].includes(unwrapped(schema).format ?? '');
/** Free JSON (z.unknown, or a record of it): stored as jsonb, whose numbers have no integer range. */
const isFreeJson = (schema: unknown): boolean => {
  const def = unwrapped(schema);
  return def.type === 'unknown' || def.type === 'any' || (def.type === 'record' && isFreeJson(def.valueType));
};

/**
 * The object keys a schema knows anywhere inside it, so generated bodies reach its inner fields, and
 * which of them hold dates (their values must be dates Postgres can store).
 */
function knownKeys(
  schema: unknown,
  found = { keys: new Set<string>(), dates: new Set<string>(), json: new Set<string>() },
  seen = new Set<unknown>(),
) {
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = defOf(schema);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object' && '_zod' in value) knownKeys(value, found, seen);
  };
  for (const [key, inner] of Object.entries(def.shape ?? {})) {
    found.keys.add(key);
    if (isDateSchema(inner)) found.dates.add(key);
    if (isFreeJson(inner)) found.json.add(key);
    visit(inner);
  }
  for (const [name, value] of Object.entries(def)) if (name !== 'shape') visit(value);
  return found;
}

const edgeNumbers = fc.constantFrom(
  0,
  -1,
  1,
  1.5,
  100,
  101,
  86_400,
  INT4.max,
  INT4.max + 1,
  INT4.min - 1,
  2 ** 53,
  -(2 ** 53),
  1e308,
  -1e308,
  5e-324,
);
const edgeStrings = fc.constantFrom(
  '',
  ' ',
  'a',
  '1',
  '0',
  '2147483648',
  '99999999999999999999',
  'abcdefghijklmnopqrstuvwx',
  'x'.repeat(300),
  '2026-01-31',
  '2026-02-30',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-03-01T10:00:00+14:00',
  '+275760-09-13T00:00:00.000Z',
  'Europe/London',
  'Not/AZone',
  'student',
  'admin',
  'dropped',
  'enrolled',
  'quran',
  'single_choice',
  'course_completion',
  '550e8400-e29b-41d4-a716-446655440000',
  'someone@example.test',
  'سورة الفاتحة',
  '\u202Eevil',
  'constructor',
  '__proto__',
  'toString',
);

const oldest = new Date('0001-01-01T00:00:00Z');
const latest = new Date('9999-12-31T23:59:59Z');
const edgeDates = fc.constantFrom(
  '0000-01-01',
  '0000-12-31T23:00:00Z',
  '10000-01-01T00:00:00Z',
  '2026-02-30',
  '-000001-01-01',
);

/**
 * Values shaped like what a schema expects (objects with its keys, strings in its formats, its enum
 * values), each leaf now and then replaced by an edge case, so that most bodies get deep into the
 * schema and the ones that pass it carry values at the edges of their columns.
 */
function shaped(schema: unknown, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const anything = fc.oneof(edgeNumbers, edgeStrings, fc.string({ maxLength: 8 }), fc.boolean(), fc.constant(null));
  const leaf = (typed: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: anything });
  const inner = (s: unknown) => fc.constant(null).chain(() => shaped(s, depth - 1));
  switch (def.type) {
    case 'object': {
      const fields = Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, inner(v)]));
      const extra = fc.constantFrom('__proto__', 'constructor', 'unknownField');
      return fc.oneof(
        { weight: 8, arbitrary: fc.record(fields, { requiredKeys: [] }) },
        { weight: 1, arbitrary: fc.tuple(fc.record(fields), extra, anything).map(([o, k, v]) => ({ ...o, [k]: v })) },
      );
    }
    case 'string': {
      if (def.format === 'uuid' || def.format === 'guid') return leaf(fc.uuid());
      if (def.format === 'email') return leaf(fc.emailAddress());
      if (def.format === 'url') return leaf(fc.webUrl());
      const day = fc.date({ min: oldest, max: latest, noInvalidDate: true });
      if (def.format === 'datetime')
        return leaf(
          fc.oneof(
            day.map((d) => d.toISOString()),
            edgeDates,
          ),
        );
      if (def.format === 'date')
        return leaf(
          fc.oneof(
            day.map((d) => d.toISOString().slice(0, 10)),
            edgeDates,
          ),
        );
      return leaf(fc.oneof(fc.string({ maxLength: 24 }), edgeStrings));
    }
    case 'number':
      return leaf(fc.oneof(fc.integer({ min: -5, max: 120 }), edgeNumbers, fc.integer(), fc.double()));
    case 'boolean':
      return leaf(fc.boolean());
    case 'enum':
      return leaf(fc.constantFrom(...Object.values(def.entries as Record<string, string>)));
    case 'literal':
      return leaf(fc.constantFrom(...(def.values as unknown[])));
    case 'null':
      return leaf(fc.constant(null));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case 'array':
      return depth > 0 ? fc.array(inner(def.element), { maxLength: 4 }) : fc.constant([]);
    case 'record':
      return depth > 0
        ? fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), edgeStrings), inner(def.valueType), { maxKeys: 3 })
        : fc.constant({});
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return fc.oneof(inner(def.innerType), fc.constantFrom(undefined, null));
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return depth > 0 ? inner((def.getter as () => unknown)()) : anything;
    default:
      return anything;
  }
}

function bodiesFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  // Through JSON as the wire does it: keys such as __proto__ become own keys, undefined fields go.
  return shaped(schema, 6).map((v) => JSON.parse(JSON.stringify(v ?? null)) as unknown);
}

interface FieldKinds {
  dates: Set<string>;
  json: Set<string>;
}

/**
 * Could Postgres store this where the schema sends it? Text without NUL or lone surrogates, finite
 * numbers, integers that fit int4 (every integer column, and what the services cast typed jsonb numbers
 * to) except in free JSON, and dates in the years Postgres and ISO 8601 share, in fields the schema
 * declares as dates.
 */
function expectStorable(value: unknown, path: string, kinds: FieldKinds, key = '', inJson = false): void {
  const free = inJson || kinds.json.has(key);
  if (typeof value === 'string') {
    expect(isStorableText(value), `${path}: ${JSON.stringify(value)}`).toBe(true);
    if (kinds.dates.has(key)) expect(isStorableDate(new Date(value)), `${path}: ${value}`).toBe(true);
  } else if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path}: ${value}`).toBe(true);
    if (Number.isInteger(value) && !free) expect(Math.abs(value), `${path}: ${value}`).toBeLessThanOrEqual(INT4.max);
  } else if (value instanceof Date) {
    expect(isStorableDate(value), `${path}: ${value.toISOString()}`).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => expectStorable(item, `${path}.${i}`, kinds, key, free));
  } else if (value && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) expectStorable(item, `${path}.${name}`, kinds, name, free);
  }
}

describe('every JSON body schema, on generated bodies (property-based)', () => {
  it.each(BODY_SCHEMAS)('%s: a 400, or a value Postgres can store', (_, schema) => {
    const kinds = knownKeys(schema);
    fc.assert(
      fc.property(bodiesFor(schema), (body) => {
        let parsed: unknown;
        try {
          checkJsonValues(body);
          parsed = parseWith(schema, body);
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).status).toBe(400);
          return;
        }
        expectStorable(parsed, 'body', kinds);
      }),
      settings,
    );
  });

  it('bodies nested past the depth limit or holding NUL never reach a schema', () => {
    const deep = JSON.parse('{"data":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1));
    expect(() => checkJsonValues(deep)).toThrow(ApiError);
    expect(() => checkJsonValues({ data: { title: 'a\u0000' } })).toThrow(ApiError);
  });
});
