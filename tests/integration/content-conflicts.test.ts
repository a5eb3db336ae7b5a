import { describe, expect, it } from 'vitest';
import { api, tokenFor, unique } from '../support/api';

async function draftCourse(teacher = 'teacher.amina') {
  const token = await tokenFor(teacher);
  const created = await api('/api/courses', {
    token,
    body: { data: { title: unique('Conflicts '), category: 'fiqh' } },
  });
  expect(created.status).toBe(201);
  return { token, course: created.body.data, etag: created.headers.get('etag')! };
}

describe('saving a document someone else has changed', () => {
  it('GET answers an ETag, and a save with it succeeds and answers the next one', async () => {
    const { token, course } = await draftCourse();
    const read = await api(`/api/courses/${course.documentId}`, { token });
    const etag = read.headers.get('etag');
    // The document's version, then a digest of this representation (conditional GETs compare the whole tag).
    expect(etag).toMatch(/^"\d+-[\w-]+"$/);
    expect(etag!.startsWith(`"${Date.parse(read.body.data.updatedAt)}-`)).toBe(true);
    const saved = await api(`/api/courses/${course.documentId}`, {
      method: 'PUT',
      token,
      headers: { 'if-match': etag! },
      body: { data: { title: 'Renamed' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.headers.get('etag')).not.toBe(etag);
    expect(saved.headers.get('etag')).toBe(`"${Date.parse(saved.body.data.updatedAt)}"`);
  });

  it('two editors load the same lesson; the second save is told of the first instead of overwriting it', async () => {
    const { token, course } = await draftCourse();
    const lesson = await api('/api/lessons', {
      token,
      body: { data: { title: 'Wudu', course: course.documentId, content: '<p>first</p>' } },
    });
    const path = `/api/lessons/${lesson.body.data.documentId}`;
    // Both open the editor: the teacher in one tab, the admin in another.
    const admin = await tokenFor('admin');
    const first = await api(path, { token });
    const second = await api(path, { token: admin });
    expect(first.headers.get('etag')).toBe(second.headers.get('etag'));

    const saveFirst = await api(path, {
      method: 'PUT',
      token,
      headers: { 'if-match': first.headers.get('etag')! },
      body: { data: { content: '<p>teacher’s version</p>' } },
    });
    expect(saveFirst.status).toBe(200);

    const saveSecond = await api(path, {
      method: 'PUT',
      token: admin,
      headers: { 'if-match': second.headers.get('etag')! },
      body: { data: { content: '<p>admin’s version</p>' } },
    });
    expect(saveSecond.status).toBe(412);
    expect(saveSecond.body.error.name).toBe('PreconditionFailedError');
    expect(saveSecond.body.error.message).toContain('teacher.amina');
    expect(saveSecond.body.error.details.current).toMatchObject({
      documentId: lesson.body.data.documentId,
      version: saveFirst.headers.get('etag'),
      updatedAt: saveFirst.body.data.updatedAt,
      updatedBy: { username: 'teacher.amina', role: 'teacher' },
    });
    expect(saveSecond.headers.get('etag')).toBe(saveFirst.headers.get('etag'));
    expect((await api(path, { token })).body.data.content).toBe('<p>teacher’s version</p>');
  });

  it('honours the updatedAt the editor loaded, sent in data, as Strapi clients hold it', async () => {
    const { token, course } = await draftCourse();
    const path = `/api/courses/${course.documentId}`;
    const loaded = course.updatedAt;
    const ok = await api(path, { method: 'PUT', token, body: { data: { description: 'one', updatedAt: loaded } } });
    expect(ok.status).toBe(200);
    const stale = await api(path, { method: 'PUT', token, body: { data: { description: 'two', updatedAt: loaded } } });
    expect(stale.status).toBe(412);
    expect((await api(path, { token })).body.data.description).toBe('one');
    const fresh = await api(path, {
      method: 'PUT',
      token,
      body: { data: { description: 'two', updatedAt: ok.body.data.updatedAt } },
    });
    expect(fresh.status).toBe(200);
  });

  it('saves without a precondition (or with *) as before: the last save wins', async () => {
    const { token, course } = await draftCourse();
    const path = `/api/courses/${course.documentId}`;
    expect((await api(path, { method: 'PUT', token, body: { data: { title: 'A' } } })).status).toBe(200);
    expect(
      (await api(path, { method: 'PUT', token, headers: { 'if-match': '*' }, body: { data: { title: 'B' } } })).status,
    ).toBe(200);
  });

  it('every save moves the version forward, even two in the same millisecond', async () => {
    const { token, course } = await draftCourse();
    const path = `/api/courses/${course.documentId}`;
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const r = await api(path, { method: 'PUT', token, body: { data: { title: `T${i}` } } });
      seen.add(r.headers.get('etag')!);
    }
    expect(seen.size).toBe(4);
  });

  it('of two saves sent at once with the same ETag, exactly one is applied', async () => {
    const { token, course, etag } = await draftCourse();
    const path = `/api/courses/${course.documentId}`;
    const admin = await tokenFor('admin');
    const results = await Promise.all(
      [token, admin].map((t, i) =>
        api(path, { method: 'PUT', token: t, headers: { 'if-match': etag }, body: { data: { title: `Racer ${i}` } } }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.status === 200)!;
    expect((await api(path, { token })).body.data.title).toBe(winner.body.data.title);
  });

  it('works on documents written before versions were kept (timestamps finer than a millisecond)', async () => {
    const admin = await tokenFor('admin');
    const seeded = (await api('/api/instructors?pagination[pageSize]=1', { token: admin })).body.data[0];
    const path = `/api/instructors/${seeded.documentId}`;
    const etag = (await api(path, { token: admin })).headers.get('etag')!;
    const r = await api(path, { method: 'PUT', token: admin, headers: { 'if-match': etag }, body: { data: {} } });
    expect(r.status).toBe(200);
  });

  it('a delete with a stale If-Match is refused and the document stays', async () => {
    const { token, course, etag } = await draftCourse();
    const path = `/api/courses/${course.documentId}`;
    await api(path, { method: 'PUT', token, body: { data: { title: 'Moved on' } } });
    const admin = await tokenFor('admin');
    expect((await api(path, { method: 'DELETE', token: admin, headers: { 'if-match': etag } })).status).toBe(412);
    const current = (await api(path, { token: admin })).headers.get('etag')!;
    expect((await api(path, { method: 'DELETE', token: admin, headers: { 'if-match': current } })).status).toBe(204);
  });

  it('refuses a malformed precondition with 400', async () => {
    const { token, course } = await draftCourse();
    const path = `/api/courses/${course.documentId}`;
    const badHeader = await api(path, {
      method: 'PUT',
      token,
      headers: { 'if-match': 'yesterday' },
      body: { data: {} },
    });
    expect(badHeader.status).toBe(400);
    const badDate = await api(path, { method: 'PUT', token, body: { data: { updatedAt: 'last week' } } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details.errors[0].path).toEqual(['data', 'updatedAt']);
  });

  it('someone who may not edit the document is refused as before, never told about versions', async () => {
    const { course, etag } = await draftCourse('teacher.amina');
    const other = await tokenFor('teacher.yusuf');
    const r = await api(`/api/courses/${course.documentId}`, {
      method: 'PUT',
      token: other,
      headers: { 'if-match': '"1"' },
      body: { data: { title: 'Taken' } },
    });
    expect(r.status).toBe(404);
    expect(r.headers.get('etag')).toBeNull();
    expect(etag).toMatch(/^"\d+"$/);
  });
});
