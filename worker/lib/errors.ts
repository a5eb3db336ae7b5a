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
  | 'PreconditionFailedError'
  | 'PasswordChangeRequiredError'
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
  // An unknown key is reported at the key itself, so the path names the field that is wrong.
  const errors = error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      path: key === undefined ? path : [...path, key],
      message: issue.message,
      name: 'ValidationError',
      code: issue.code,
    }));
  });
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
