import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, type AccessTokens } from './client';
import { ApiError, NetworkError } from './errors';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function tokens(initial: string | null, refreshed: string | null): AccessTokens & { refreshes: string[] } {
  let current = initial;
  const refreshes: string[] = [];
  return {
    refreshes,
    current: () => current,
    refresh: async (rejected) => {
      refreshes.push(rejected);
      current = refreshed;
      return refreshed;
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('ApiClient', () => {
  it('sends the bearer token and JSON, and answers the parsed body', async () => {
    const fetch = vi.fn(async () => json(200, { data: [1] }));
    vi.stubGlobal('fetch', fetch);
    const body = await new ApiClient(tokens('t1', null)).post('/things', { a: 1 });
    expect(body).toEqual({ data: [1] });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/things');
    expect(init.headers).toMatchObject({ authorization: 'Bearer t1', 'content-type': 'application/json' });
    expect(init.body).toBe('{"a":1}');
  });

  it('refreshes once after a 401 and retries with the new token', async () => {
    const fetch = vi.fn(async (_url: string, init: RequestInit) =>
      (init.headers as Record<string, string>).authorization === 'Bearer fresh'
        ? json(200, { ok: true })
        : json(401, {}),
    );
    vi.stubGlobal('fetch', fetch);
    const auth = tokens('stale', 'fresh');
    expect(await new ApiClient(auth).get('/users/me')).toEqual({ ok: true });
    expect(auth.refreshes).toEqual(['stale']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('gives up after one refresh: a second 401 is an ApiError, not a loop', async () => {
    const fetch = vi.fn(async () =>
      json(401, { data: null, error: { status: 401, name: 'UnauthorizedError', message: 'Invalid token' } }),
    );
    vi.stubGlobal('fetch', fetch);
    const auth = tokens('stale', 'also-refused');
    const error = await new ApiClient(auth).get('/users/me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(auth.refreshes).toHaveLength(1);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('turns the Strapi error envelope into a typed ApiError with its field errors', async () => {
    const envelope = {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'Invalid body',
        details: { errors: [{ path: ['email'], message: 'Invalid email address' }] },
      },
    };
    vi.stubGlobal('fetch', async () => json(400, envelope));
    const error = (await new ApiClient(null).post('/auth/local/register', {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 400, name: 'ValidationError', message: 'Invalid body' });
    expect(error.fieldErrors()).toEqual({ email: 'Invalid email address' });
  });

  it('reports an unreachable server as a NetworkError, and an abort as the abort', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(new ApiClient(null).get('/courses')).rejects.toBeInstanceOf(NetworkError);

    const controller = new AbortController();
    vi.stubGlobal('fetch', async () => {
      controller.abort(new DOMException('left the page', 'AbortError'));
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(new ApiClient(null).get('/courses', undefined, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    });

    // Aborted while the body is read: still the abort, not "an answer that is not JSON".
    const reading = new AbortController();
    const body = new ReadableStream({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('{"data":'));
        reading.abort(new DOMException('left the page', 'AbortError'));
        stream.error(new DOMException('aborted', 'AbortError'));
      },
    });
    vi.stubGlobal('fetch', async () => new Response(body, { status: 200 }));
    await expect(new ApiClient(null).get('/courses', undefined, reading.signal)).rejects.toMatchObject({
      name: 'AbortError',
      message: 'left the page',
    });
  });

  it('passes a 304 through response() so callers can keep their copy', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 304 }));
    const res = await new ApiClient(null).response('/courses', { headers: { 'if-none-match': '"v1"' } });
    expect(res.status).toBe(304);
  });
});
