import type { Context } from 'hono';
import { z } from 'zod';
import { ApiError, badRequest, fromZodError } from './errors';
import { isStorableText, STORABLE_TEXT_MESSAGE } from './postgres-values';

/** Bodies larger than this are refused before parsing: nothing a form sends comes close. */
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * The body of an action that takes no fields: none, `{}`, or `{ "data": {} }` as Strapi clients send.
 * Such a body is still read: a request body left unread makes workerd close the client's keep-alive
 * connection after the answer (the client's next request on it is reset), and a field the action does
 * not take is a 400 that names it rather than something silently ignored.
 */
export const noFieldsBody = z
  .object({ data: z.object({}).strict().optional() })
  .strict()
  .optional();

/** Reads a JSON body and validates it; every failure is a 400 (or 413) that says what was wrong. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > MAX_JSON_BYTES)
    throw new ApiError(413, 'PayloadTooLargeError', `Request body is larger than ${MAX_JSON_BYTES} bytes`);
  const text = await c.req.text();
  if (text.length > MAX_JSON_BYTES)
    throw new ApiError(413, 'PayloadTooLargeError', `Request body is larger than ${MAX_JSON_BYTES} bytes`);
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    throw badRequest('Request body is not valid JSON');
  }
  checkJsonValues(body);
  return parseWith(schema, body);
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: (string | number)[] = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}

/** Nothing the API takes is nested more than a few levels; far deeper JSON only exhausts the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Refuses, whatever field it is in, JSON nested deeper than MAX_JSON_DEPTH and any string (value or key)
 * no Postgres column can hold; checked once here so that no schema has to remember it. Iterative: the
 * value may be deeper than the stack.
 */
export function checkJsonValues(body: unknown): void {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: body, path: [] }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (path.length > MAX_JSON_DEPTH)
      throw invalidBody(path, `JSON may be nested ${MAX_JSON_DEPTH} levels deep at most`);
    if (typeof value === 'string') {
      if (!isStorableText(value)) throw invalidBody(path, STORABLE_TEXT_MESSAGE);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push({ value: item, path: [...path, i] }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (!isStorableText(key)) throw invalidBody([...path, key], STORABLE_TEXT_MESSAGE);
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
}

function invalidBody(path: (string | number)[], message: string): ApiError {
  return badRequest(`${path.length ? path.join('.') : 'body'}: ${message}`, {
    errors: [{ path, message, name: 'ValidationError' }],
  });
}
