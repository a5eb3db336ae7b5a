// fast-check arbitraries derived from zod schemas: bodies shaped like what a schema expects, with
// values at and past the edges of the columns they end up in. Used by the body-schema property test
// and the HTTP fuzz test.
import fc from 'fast-check';
import type { z } from 'zod';
import { INT4 } from '../../worker/lib/postgres-values';

export type Def = Record<string, unknown> & { type?: string; format?: string; shape?: Record<string, z.ZodType> };
export const defOf = (schema: unknown) => (schema as { _zod: { def: Def } })._zod.def;

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
export function knownKeys(
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

export const edgeNumbers = fc.constantFrom(
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
export const edgeStrings = fc.constantFrom(
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
  'a\u0000b',
  '\ud800x',
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
export function shaped(schema: unknown, depth: number): fc.Arbitrary<unknown> {
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

export function bodiesFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  // Through JSON as the wire does it: keys such as __proto__ become own keys, undefined fields go.
  return shaped(schema, 6).map((v) => JSON.parse(JSON.stringify(v ?? null)) as unknown);
}
