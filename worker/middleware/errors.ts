import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError, errorBody } from '../lib/errors';
import { sqlState } from '../lib/postgres-errors';
import type { AppEnv } from '../env';

/** query_canceled: what statement_timeout raises. */
const STATEMENT_CANCELED = '57014';
/** too_many_connections: what the local proxy answers when its pool stayed busy past the queue's timeout. */
const TOO_MANY_CONNECTIONS = '53300';
/** SQLSTATE class 22, data_exception: out of range, invalid date, NUL in text, bad escape … */
const DATA_EXCEPTION_CLASS = '22';
const RETRY_AFTER_SECONDS = 5;

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
  if (databaseCode === STATEMENT_CANCELED || databaseCode === TOO_MANY_CONNECTIONS) {
    // statement_timeout (set per database, see migrations) ended the statement, or no connection became
    // free in time: the server is too busy, or the request too heavy for now. Nothing was changed: the
    // transaction rolled back, or never began.
    c.header('Retry-After', String(RETRY_AFTER_SECONDS));
    return c.json(
      errorBody(503, 'ServiceUnavailableError', 'The database took too long to answer; please try again shortly'),
      503,
    );
  }
  if (databaseCode?.startsWith(DATA_EXCEPTION_CLASS)) {
    // A value the database cannot hold (out of range, malformed) got past validation: still the client's
    // input, never a server fault. Logged, so the validation that missed it can be tightened.
    log(c, 'warn', error);
    return c.json(errorBody(400, 'ValidationError', 'A value in the request is out of range or malformed'), 400);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json(errorBody(error.status, 'ValidationError', error.message || 'Bad Request'), error.status);
  }
  log(c, 'error', error);
  return c.json(errorBody(500, 'InternalServerError', `Internal Server Error (request ${c.get('requestId')})`), 500);
}

function log(c: Context<AppEnv>, level: 'warn' | 'error', error: unknown): void {
  const line = JSON.stringify({
    level,
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    error: describe(error),
  });
  if (level === 'warn') console.warn(line);
  else console.error(line);
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
