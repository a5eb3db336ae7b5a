import { describe, expect, it } from 'vitest';
import { apiCacheKey, tokenSubject } from './api-cache';

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
