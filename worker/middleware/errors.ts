import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, errorBody } from '../lib/errors';
import { sqlState } from '../lib/postgres-errors';
import type { AppEnv } from '../env';

/** The one place an error becomes a response: the Strapi envelope, and a log line for server faults. */
export function renderError(error: unknown, c: Context<AppEnv>): Response {
  const refusal = apiErrorIn(error);
  if (refusal) {
    for (const [name, value] of Object.entries(refusal.headers)) c.header(name, value);
    return c.json(errorBody(refusal.status, refusal.name, refusal.message, refusal.details), refusal.status);
  }
  const databaseCode = sqlState(error);
  if (databaseCode === '23505') return c.json(errorBody(409, 'ConflictError', 'This record already exists'), 409);
  if (databaseCode === '23503')
    return c.json(errorBody(409, 'ConflictError', 'This record is still referenced by others'), 409);
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(errorBody(error.status, 'ValidationError', error.message || 'Bad Request'), error.status);
  }
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      error: describe(error),
    }),
  );
  return c.json(errorBody(500, 'InternalServerError', `Internal Server Error (request ${c.get('requestId')})`), 500);
}

export function renderNotFound(c: Context<AppEnv>): Response {
  return c.json(errorBody(404, 'NotFoundError', `No route for ${c.req.method} ${c.req.path}`), 404);
}

/** Our own refusal, also when a check ran inside a query and drizzle wrapped it ("Failed query", cause). */
function apiErrorIn(error: unknown): ApiError | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof ApiError) return e;
  }
  return undefined;
}

function describe(error: unknown): unknown {
  if (!(error instanceof Error)) return String(error);
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    cause: error.cause ? describe(error.cause) : undefined,
  };
}
