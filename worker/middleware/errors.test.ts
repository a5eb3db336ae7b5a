import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppEnv } from '../env';
import { ApiError } from '../lib/errors';
import { renderError } from './errors';
import { requestContext as requestId } from './request-context';

function appThatThrows(error: unknown) {
  const app = new Hono<AppEnv>();
  app.use(requestId);
  app.get('/boom', () => {
    throw error;
  });
  app.onError(renderError);
  return app;
}

afterEach(() => vi.restoreAllMocks());

describe('renderError', () => {
  it('answers an unexpected error with a 500 that hides internals but carries the request id', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await appThatThrows(new Error('SELECT password FROM users failed')).request('/boom');
    expect(response.status).toBe(500);
    const body = (await response.json()) as any;
    const id = response.headers.get('x-request-id');
    expect(body.error.name).toBe('InternalServerError');
    expect(JSON.stringify(body)).not.toMatch(/SELECT|password/);
    expect(body.error.message).toContain(id);
    const logged = JSON.parse(log.mock.calls[0]![0] as string);
    expect(logged).toMatchObject({ level: 'error', requestId: id, path: '/boom' });
    expect(logged.error.message).toContain('SELECT');
  });

  it('maps a unique violation from the driver to 409', async () => {
    const driverError = Object.assign(new Error('duplicate key'), { code: '23505' });
    const response = await appThatThrows(new Error('Failed query', { cause: driverError })).request('/boom');
    expect(response.status).toBe(409);
    expect(((await response.json()) as any).error.name).toBe('ConflictError');
  });

  it('renders an ApiError with its status, name, details and headers', async () => {
    const response = await appThatThrows(
      new ApiError(429, 'RateLimitError', 'slow down', { limit: 10 }, { 'Retry-After': '60' }),
    ).request('/boom');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.json()).toEqual({
      data: null,
      error: { status: 429, name: 'RateLimitError', message: 'slow down', details: { limit: 10 } },
    });
  });
});
