/** A failed API call, carrying the fields of the Strapi v5 error envelope `{ data: null, error }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, name: string, message: string, details: unknown = {}) {
    super(message);
    this.name = name;
    this.status = status;
    this.details = details;
  }

  /** Validation errors name their field: `details.errors[].path`, e.g. ['email']. */
  fieldErrors(): Record<string, string> {
    const errors = (this.details as { errors?: { path?: unknown[]; message?: string }[] } | null)?.errors;
    const byField: Record<string, string> = {};
    for (const e of errors ?? []) {
      const field = e.path?.[0];
      if (typeof field === 'string' && e.message && !byField[field]) byField[field] = e.message;
    }
    return byField;
  }
}

/**
 * The server could not be reached (offline, DNS, a dropped connection), as opposed to answering with an
 * error. Offline code keeps its work for later on this error and only on this one.
 */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export async function toApiError(res: Response): Promise<ApiError> {
  // A proxy or platform error page may not be JSON; fall back to a generic error with the status.
  const payload: unknown = await res.json().catch(() => null);
  const error = (payload as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object') {
    const { status, name, message, details } = error as Record<string, unknown>;
    return new ApiError(
      typeof status === 'number' ? status : res.status,
      typeof name === 'string' ? name : 'ApiError',
      typeof message === 'string' ? message : `Request failed (${res.status})`,
      details ?? {},
    );
  }
  return new ApiError(res.status, 'ApiError', `Request failed (${res.status})`);
}
