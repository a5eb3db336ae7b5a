// The one way the app (and its service worker) talks to the API. Framework-free on purpose: the service
// worker and unit tests import it without Svelte.
import { ApiError, NetworkError, toApiError } from './errors';
import { toQueryString, type QueryValue } from './query';

/** Where the client gets its bearer token, and how it asks for a fresh one after a 401. */
export interface AccessTokens {
  current(): string | null;
  /**
   * Called once after `rejected` was answered 401. Resolves the token to retry with, or null when the
   * session is over. Must be safe against other tabs refreshing at the same time (refresh tokens rotate).
   */
  refresh(rejected: string): Promise<string | null>;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export class ApiClient {
  readonly #tokens: AccessTokens | null;
  readonly #base: string;

  /** `base` is same-origin '/api' in the app, so every deployment works without configuration. */
  constructor(tokens: AccessTokens | null, base = '/api') {
    this.#tokens = tokens;
    this.#base = base;
  }

  /** Answers the response as it came (304 included) after auth and refresh; errors still throw. */
  async response(path: string, options: RequestOptions = {}): Promise<Response> {
    const token = this.#tokens?.current() ?? null;
    let res = await this.#send(path, options, token);
    if (res.status === 401 && token && this.#tokens) {
      const fresh = await this.#tokens.refresh(token);
      if (fresh) res = await this.#send(path, options, fresh);
    }
    if (!res.ok && res.status !== 304) throw await toApiError(res);
    return res;
  }

  /** JSON in, JSON out; 204 resolves undefined. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.response(path, options);
    if (res.status === 204) return undefined as T;
    try {
      return (await res.json()) as T;
    } catch (error) {
      // Aborted while the body was read: the caller's decision, not a broken answer.
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      throw new ApiError(res.status, 'ApiError', 'The server answered something that is not JSON');
    }
  }

  get<T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { query, signal });
  }

  post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { method: 'POST', body, signal });
  }

  put<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { method: 'PUT', body, signal });
  }

  delete<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>(path, { method: 'DELETE', signal });
  }

  async #send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    // A form (a file upload) or a Blob (a recording's part) goes as it is: the browser writes a form's
    // multipart content type and boundary; anything else is JSON.
    const raw = options.body instanceof FormData || options.body instanceof Blob;
    if (options.body !== undefined && !raw) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const search = options.query ? toQueryString(options.query) : '';
    try {
      return await fetch(`${this.#base}${path}${search ? `?${search}` : ''}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : raw ? (options.body as BodyInit) : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      // An abort is the caller's decision, not a connection problem: let it through unchanged.
      if (options.signal?.aborted) throw options.signal.reason ?? error;
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
  }
}

/** For endpoints that take no token: sign-in, sign-up, refresh, certificate verification. */
export const publicApi = new ApiClient(null);
