import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, badRequest, fromZodError } from './errors';

/** Bodies larger than this are refused before parsing: nothing a form sends comes close. */
export const MAX_JSON_BYTES = 1024 * 1024;

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
