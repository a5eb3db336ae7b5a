import { describe, expect, it } from 'vitest';
import { buildCriteria, criteriaVariants, draftOf } from './criteria-form';

// The shape z.toJSONSchema gives worker/contract/achievement-criteria.ts (two of its four kinds).
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  oneOf: [
    {
      type: 'object',
      properties: {
        type: { type: 'string', const: 'course_completion' },
        count: { type: 'integer', minimum: 1, maximum: 1000 },
      },
      required: ['type', 'count'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { type: 'string', const: 'quiz_mastery' },
        minScore: { type: 'integer', minimum: 0, maximum: 100 },
        count: { type: 'integer', minimum: 1, maximum: 1000 },
      },
      required: ['type', 'minScore', 'count'],
      additionalProperties: false,
    },
  ],
};

describe('the criteria form', () => {
  const variants = criteriaVariants(schema);

  it('has one variant per type, with its fields and bounds', () => {
    expect(variants.map((v) => v.type)).toEqual(['course_completion', 'quiz_mastery']);
    expect(variants[1]!.fields).toEqual([
      { name: 'minScore', integer: true, min: 0, max: 100, required: true },
      { name: 'count', integer: true, min: 1, max: 1000, required: true },
    ]);
  });

  it('builds criteria with only the chosen variant’s fields, as numbers', () => {
    const built = buildCriteria(variants, { type: 'course_completion', values: { count: '3', minScore: '80' } });
    expect(built).toEqual({ ok: true, criteria: { type: 'course_completion', count: 3 } });
  });

  it('refuses values out of range, fractions, words and empty required fields', () => {
    for (const count of ['0', '1001', '2.5', 'three', '']) {
      const built = buildCriteria(variants, { type: 'course_completion', values: { count } });
      expect(built.ok, count).toBe(false);
    }
    const built = buildCriteria(variants, { type: 'quiz_mastery', values: { minScore: '101', count: '' } });
    expect(built).toEqual({
      ok: false,
      problems: [
        { field: 'minScore', kind: 'range', min: 0, max: 100 },
        { field: 'count', kind: 'required', min: 1, max: 1000 },
      ],
    });
  });

  it('refuses a type the schema does not know', () => {
    expect(buildCriteria(variants, { type: 'streak', values: { days: '3' } }).ok).toBe(false);
  });

  it('starts from stored criteria, or from the first kind at its minimums', () => {
    expect(draftOf(variants, { type: 'quiz_mastery', minScore: 80, count: 5 })).toEqual({
      type: 'quiz_mastery',
      values: { minScore: '80', count: '5' },
    });
    expect(draftOf(variants, null)).toEqual({ type: 'course_completion', values: { count: '1' } });
  });

  it('will not drive a form from a schema it cannot edit', () => {
    expect(() => criteriaVariants({ type: 'object' })).toThrow();
    expect(() =>
      criteriaVariants({ oneOf: [{ type: 'object', properties: { type: { const: 'x' }, note: { type: 'string' } } }] }),
    ).toThrow();
  });
});
