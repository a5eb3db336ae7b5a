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

  it('answers a statement cancelled by statement_timeout (57014) with a 503 and Retry-After, not a 500', async () => {
    const driverError = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const response = await appThatThrows(new Error('Failed query: SELECT …', { cause: driverError })).request('/boom');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const body = (await response.json()) as any;
    expect(body.error).toMatchObject({ status: 503, name: 'ServiceUnavailableError' });
    expect(JSON.stringify(body)).not.toMatch(/SELECT|timeout/);
  });

  it('answers a pool that stayed busy past its queue timeout (53300) with a 503 and Retry-After, not a 500', async () => {
    const driverError = Object.assign(
      new Error('too many clients: all 1 connections to the embedded database stayed busy for 15000 ms'),
      { code: '53300' },
    );
    const response = await appThatThrows(new Error('Failed query: SELECT …', { cause: driverError })).request('/boom');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    const body = (await response.json()) as any;
    expect(body.error).toMatchObject({ status: 503, name: 'ServiceUnavailableError' });
    expect(JSON.stringify(body)).not.toMatch(/SELECT|clients/);
  });

  it.each([
    ['22003', 'value "99999999999" is out of range for type integer'],
    ['22008', 'date/time field value out of range: "0000-01-01"'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'unsupported Unicode escape sequence'],
  ])(
    'answers a data error the validation missed (%s) with a 400 that leaks nothing, and logs it',
    async (code, text) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const driverError = Object.assign(new Error(text), { code });
      const response = await appThatThrows(new Error('Failed query: SELECT secret', { cause: driverError })).request(
        '/boom',
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as any;
      expect(body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError', details: {} } });
      expect(JSON.stringify(body)).not.toMatch(/SELECT|secret|UTF8|integer/);
      expect(JSON.parse(warn.mock.calls[0]![0] as string)).toMatchObject({ level: 'warn', path: '/boom' });
    },
  );
});
