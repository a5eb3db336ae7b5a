import { describe, expect, it } from 'vitest';
import type { ApiError } from './errors';
import { checkJsonValues, MAX_JSON_DEPTH } from './validation';

function refusal(body: unknown): ApiError {
  try {
    checkJsonValues(body);
  } catch (error) {
    return error as ApiError;
  }
  throw new Error(`accepted ${JSON.stringify(body)}`);
}

describe('JSON bodies, before any schema', () => {
  it('accepts ordinary text, Arabic and emoji included', () => {
    expect(() => checkJsonValues({ data: { title: 'سورة الفاتحة 🌙', tags: ['a', 'b'], n: 1 } })).not.toThrow();
  });

  it('refuses a NUL character in any string, value or key, naming where it is', () => {
    expect(refusal({ data: { title: 'a\u0000b' } }).details).toMatchObject({ errors: [{ path: ['data', 'title'] }] });
    expect(refusal({ data: { tags: ['ok', '\u0000'] } }).details).toMatchObject({
      errors: [{ path: ['data', 'tags', 1] }],
    });
    expect(refusal({ data: { 'x\u0000': 1 } }).status).toBe(400);
  });

  it('refuses an unpaired surrogate, which has no UTF-8 form', () => {
    expect(refusal(JSON.parse('{"name":"\\ud800x"}')).status).toBe(400);
    expect(() => checkJsonValues(JSON.parse('{"name":"\\ud83c\\udf19"}'))).not.toThrow();
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels, however deep, without exhausting the stack`, () => {
    const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    expect(() => checkJsonValues(nested(MAX_JSON_DEPTH))).not.toThrow();
    expect(refusal(nested(MAX_JSON_DEPTH + 2)).status).toBe(400);
    expect(refusal(nested(200_000)).status).toBe(400);
  });
});
