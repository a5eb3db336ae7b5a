import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** Strapi v5 error names, so clients written for Strapi recognise them. */
export type ErrorName =
  | 'ValidationError'
  | 'UnauthorizedError'
  | 'ForbiddenError'
  | 'NotFoundError'
  | 'MethodNotAllowedError'
  | 'ConflictError'
  | 'PayloadTooLargeError'
  | 'RateLimitError'
  | 'InternalServerError'
  | 'ServiceUnavailableError';

/** Thrown anywhere; app.onError turns it into `{ data: null, error: { status, name, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    override readonly name: ErrorName,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details: Record<string, unknown> = {}) =>
  new ApiError(400, 'ValidationError', message, details);
export const unauthorized = (message = 'Missing or invalid credentials') =>
  new ApiError(401, 'UnauthorizedError', message);
export const forbidden = (message = 'Forbidden') => new ApiError(403, 'ForbiddenError', message);
export const notFound = (message = 'Not Found') => new ApiError(404, 'NotFoundError', message);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new ApiError(409, 'ConflictError', message, details);

/** Strapi lists validation problems as `details.errors[]` with a path array per problem. */
export function fromZodError(error: ZodError, prefix: (string | number)[] = []): ApiError {
  const errors = error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: issue.message,
    name: 'ValidationError',
    code: issue.code,
  }));
  const first = errors[0];
  const message =
    errors.length === 1 && first
      ? `${first.path.length ? first.path.join('.') + ': ' : ''}${first.message}`
      : `${errors.length} errors occurred`;
  return badRequest(message, { errors });
}

export function errorBody(status: number, name: string, message: string, details: Record<string, unknown> = {}) {
  return { data: null, error: { status, name, message, details } };
}
