import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/errors';
import { INT4, isStorableDate, isStorableText } from '../lib/postgres-values';
import { checkJsonValues, MAX_JSON_DEPTH, parseWith } from '../lib/validation';
import { BODY_SCHEMAS } from '../../tests/support/body-schemas';
import { bodiesFor, knownKeys } from '../../tests/support/zod-arbitraries';

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
  it.each(BODY_SCHEMAS.map((b) => [b.route + (b.inData ? ' (data)' : ''), b.schema] as const))(
    '%s: a 400, or a value Postgres can store',
    (_, schema) => {
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
    },
  );

  it('bodies nested past the depth limit or holding NUL never reach a schema', () => {
    const deep = JSON.parse('{"data":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1));
    expect(() => checkJsonValues(deep)).toThrow(ApiError);
    expect(() => checkJsonValues({ data: { title: 'a\u0000' } })).toThrow(ApiError);
  });
});
