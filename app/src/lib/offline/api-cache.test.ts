import { describe, expect, it } from 'vitest';
import { apiCacheKey, oldestSavedAt, savedAt, SAVED_AT_HEADER, stampSavedAt, tokenSubject } from './api-cache';

const token = (payload: object) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.signature`;

describe('the per-user API cache key', () => {
  it('carries the user named by the bearer token, even an expired one', () => {
    const expired = token({ sub: '42', exp: 1 });
    expect(tokenSubject(`Bearer ${expired}`)).toBe('42');
    expect(apiCacheKey('https://x.test/api/users/me', `Bearer ${expired}`)).toBe(
      'https://x.test/api/users/me?lms-user=42',
    );
    expect(apiCacheKey('https://x.test/api/courses?a=1', `Bearer ${token({ sub: '7' })}`)).toBe(
      'https://x.test/api/courses?a=1&lms-user=7',
    );
  });

  it('gives two siblings on one phone different keys for the same URL', () => {
    const url = 'https://x.test/api/course-enrollments';
    expect(apiCacheKey(url, `Bearer ${token({ sub: '1' })}`)).not.toBe(
      apiCacheKey(url, `Bearer ${token({ sub: '2' })}`),
    );
  });

  it('keeps anonymous and malformed requests on the bare URL', () => {
    expect(apiCacheKey('https://x.test/api/courses', null)).toBe('https://x.test/api/courses');
    expect(tokenSubject('Bearer not-a-jwt')).toBeNull();
    expect(tokenSubject('Basic abc')).toBeNull();
  });
});

describe('the time a kept copy was saved', () => {
  it('is stamped on the copy only, which keeps the answer’s status, headers and body', async () => {
    const fresh = new Response('{"data":1}', {
      status: 200,
      headers: { etag: '"a"', 'content-type': 'application/json' },
    });
    expect(savedAt(fresh)).toBeNull();
    const kept = stampSavedAt(fresh, new Date('2026-11-20T08:30:00Z'));
    expect(savedAt(kept)).toBe('2026-11-20T08:30:00.000Z');
    expect(kept.status).toBe(200);
    expect(kept.headers.get('etag')).toBe('"a"');
    expect(await kept.json()).toEqual({ data: 1 });
  });

  it('ignores a header that is not a time', () => {
    expect(savedAt(new Response('', { headers: { [SAVED_AT_HEADER]: 'yesterday-ish' } }))).toBeNull();
  });

  it('dates a page by its oldest kept part, and not at all when every part is fresh', () => {
    expect(oldestSavedAt([null, '2026-11-20T08:30:00.000Z', '2026-11-19T21:00:00.000Z'])).toBe(
      '2026-11-19T21:00:00.000Z',
    );
    expect(oldestSavedAt([null, null])).toBeNull();
    expect(oldestSavedAt([])).toBeNull();
  });
});
