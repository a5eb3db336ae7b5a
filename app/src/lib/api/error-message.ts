import { ApiError, NetworkError } from './errors';

interface ErrorMessages {
  app: { networkError: string; somethingWrong: string };
  auth: { tooMany: string; invalidCredentials: string };
}

/**
 * What to tell the user about a failed call, in their language where we know the case; otherwise the
 * API's own message (e.g. "Registration is closed by the school"), which is more useful than a generic one.
 */
export function describeError(error: unknown, m: ErrorMessages): string {
  if (error instanceof NetworkError) return m.app.networkError;
  if (!(error instanceof ApiError)) return m.app.somethingWrong;
  if (error.status === 429) return m.auth.tooMany;
  if (error.message === 'Invalid identifier or password') return m.auth.invalidCredentials;
  return error.message;
}
