import type { CertificateVerification, RefreshAnswer, SignInAnswer, User } from '$contract/users';

export type { CertificateVerification };

export type { User };
export type Tokens = RefreshAnswer;
export type AuthResponse = SignInAnswer;

/** A failed API call, carrying the fields of the Strapi v5 error envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, name: string, message: string, details: unknown = {}) {
    super(message);
    this.name = name;
    this.status = status;
    this.details = details;
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  jwt?: string;
}

async function request<T>(path: string, { method = 'GET', body, jwt }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (jwt) headers.authorization = `Bearer ${jwt}`;

  // Same origin as the app, so a relative URL works in every deployment without configuration.
  const res = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  if (res.status === 204) return undefined as T;
  // A proxy or platform error page may not be JSON; fall through to a generic ApiError then.
  const payload: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res, payload);
  return payload as T;
}

function toApiError(res: Response, payload: unknown): ApiError {
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

export function signIn(identifier: string, password: string): Promise<AuthResponse> {
  return request('/auth/local', { method: 'POST', body: { identifier, password } });
}

export function me(jwt: string): Promise<User> {
  return request('/users/me', { jwt });
}

export function refresh(refreshToken: string): Promise<Tokens> {
  return request('/auth/refresh', { method: 'POST', body: { refreshToken } });
}

export function signOut(refreshToken: string): Promise<void> {
  return request('/auth/logout', { method: 'POST', body: { refreshToken } });
}

export async function verifyCertificate(code: string): Promise<CertificateVerification> {
  const { data } = await request<{ data: CertificateVerification }>(`/certificates/verify/${encodeURIComponent(code)}`);
  return data;
}
