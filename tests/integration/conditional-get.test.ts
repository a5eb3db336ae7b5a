import { describe, expect, it } from 'vitest';
import { api, tokenFor, unique } from '../support/api';

describe('conditional reads: ETag and If-None-Match', () => {
  it('an unchanged anonymous list answers 304 with no body; a content write gives it a new ETag', async () => {
    const teacher = await tokenFor('teacher.amina');
    const title = unique('Revalidated ');
    const created = await api('/api/courses', {
      token: teacher,
      body: { data: { title, category: 'seerah', isPublished: true } },
    });
    expect(created.status).toBe(201);
    const path = `/api/courses?filters[title][$eq]=${encodeURIComponent(title)}`;

    const first = await api(path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate, s-maxage=1');
    expect(first.headers.get('vary')).toContain('Authorization');

    const unchanged = await api(path, { headers: { 'if-none-match': etag } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBeNull();
    expect(unchanged.headers.get('etag')).toBe(etag);
    expect(unchanged.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate, s-maxage=1');
    // A weak form of the same tag, and a list containing it, match too (RFC 9110's weak comparison).
    expect((await api(path, { headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);

    const renamed = await api(`/api/courses/${created.body.data.documentId}`, {
      method: 'PUT',
      token: teacher,
      body: { data: { description: 'Now with a description' } },
    });
    expect(renamed.status).toBe(200);
    const changed = await api(path, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.data[0].description).toBe('Now with a description');
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('a signed-in answer is private, revalidated, and its tag depends on who reads it', async () => {
    const ali = await tokenFor('ali');
    const first = await api('/api/users/me', { token: ali });
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag')!;
    expect((await api('/api/users/me', { token: ali, headers: { 'if-none-match': etag } })).status).toBe(304);
    const other = await api('/api/users/me', { token: await tokenFor('huda'), headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.body.username).toBe('huda');
  });

  it('a document’s tag starts with its version, and an editor may send that tag back in If-Match', async () => {
    const teacher = await tokenFor('teacher.amina');
    const created = await api('/api/courses', {
      token: teacher,
      body: { data: { title: unique('Tagged '), category: 'fiqh' } },
    });
    const path = `/api/courses/${created.body.data.documentId}`;
    const read = await api(path, { token: teacher });
    const tag = read.headers.get('etag')!;
    expect(tag.startsWith(`"${Date.parse(read.body.data.updatedAt)}-`)).toBe(true);
    const saved = await api(path, {
      method: 'PUT',
      token: teacher,
      headers: { 'if-match': tag },
      body: { data: { title: unique('Tagged again ') } },
    });
    expect(saved.status).toBe(200);
    // The old tag now names an older version: a second save with it is told of the conflict.
    const stale = await api(path, { method: 'PUT', token: teacher, headers: { 'if-match': tag }, body: { data: {} } });
    expect(stale.status).toBe(412);
  });

  it('errors and writes carry no representation tag', async () => {
    const missing = await api('/api/courses/zzzzzzzzzzzzzzzzzzzzzzzz');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
    expect(
      (await api('/api/courses', { token: await tokenFor('ali'), body: { data: {} } })).headers.get('etag'),
    ).toBeNull();
  });
});
