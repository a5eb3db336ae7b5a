import { describe, expect, it } from 'vitest';
import { api, tokenFor, unique } from '../support/api';

const titles = (r: { body: { data: { title: string }[] } }) => r.body.data.map((c) => c.title);
const DRAFT = 'Tafsir of Surah Al-Kahf (draft)';
// Other test files keep adding courses; list assertions look at the demo catalogue only.
const DEMO_ONLY = 'filters[createdAt][$lt]=2026-10-01';

describe('reading courses', () => {
  it('anonymous visitors list published courses in the Strapi shape', async () => {
    const r = await api(`/api/courses?pagination[pageSize]=100&${DEMO_ONLY}`);
    expect(r.status).toBe(200);
    expect(r.body.data.length).toBeGreaterThanOrEqual(6);
    expect(new Set(r.body.data.map((c: any) => c.category))).toEqual(
      new Set(['quran', 'hadith', 'fiqh', 'seerah', 'aqeedah', 'general']),
    );
    expect(r.body.data.every((c: any) => c.isPublished)).toBe(true);
    expect(r.body.data[0]).toEqual(
      expect.objectContaining({
        id: expect.any(Number),
        documentId: expect.any(String),
        ageTier: expect.any(String),
        createdAt: expect.any(String),
      }),
    );
    expect(r.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100 });
    expect(r.body.meta.pagination.total).toBe(r.body.data.length);
  });

  it('students and parents never see drafts', async () => {
    for (const user of ['zaid', 'parent.fatima']) {
      expect(
        titles(await api(`/api/courses?pagination[pageSize]=100&${DEMO_ONLY}`, { token: await tokenFor(user) })),
      ).not.toContain(DRAFT);
    }
  });

  it('the teacher who owns a draft sees it; another teacher does not', async () => {
    expect(
      titles(
        await api(`/api/courses?pagination[pageSize]=100&${DEMO_ONLY}`, { token: await tokenFor('teacher.amina') }),
      ),
    ).toContain(DRAFT);
    expect(
      titles(
        await api(`/api/courses?pagination[pageSize]=100&${DEMO_ONLY}`, { token: await tokenFor('teacher.yusuf') }),
      ),
    ).not.toContain(DRAFT);
  });

  it('a draft is a 404 by documentId for a student, visible for an admin', async () => {
    const all = await api(`/api/courses?pagination[pageSize]=100&${DEMO_ONLY}`, { token: await tokenFor('admin') });
    const draft = all.body.data.find((c: any) => c.title === DRAFT);
    expect((await api(`/api/courses/${draft.documentId}`, { token: await tokenFor('ali') })).status).toBe(404);
    const r = await api(`/api/courses/${draft.documentId}`, { token: await tokenFor('admin') });
    expect(r.status).toBe(200);
    expect(r.body.data.title).toBe(DRAFT);
  });

  it('pagination parameters out of range are a 400', async () => {
    expect((await api('/api/courses?pagination[pageSize]=0')).status).toBe(400);
    expect((await api('/api/courses?pagination[page]=abc')).status).toBe(400);
  });
});

describe('writing courses, per role', () => {
  const newCourse = () => ({
    data: { title: unique('Course '), category: 'fiqh', ageTier: 'youth', difficulty: 'beginner', tags: ['test'] },
  });

  it('a teacher creates a course (201), owns it as a draft, and updates it', async () => {
    const token = await tokenFor('teacher.yusuf');
    const created = await api('/api/courses', { token, body: newCourse() });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ isPublished: false, publishedAt: null, category: 'fiqh' });
    const id = created.body.data.documentId;
    const updated = await api(`/api/courses/${id}`, {
      method: 'PUT',
      token,
      body: { data: { isPublished: true, estimatedDuration: 45 } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ isPublished: true, estimatedDuration: 45 });
    expect(updated.body.data.publishedAt).not.toBeNull();
  });

  it('a teacher may not edit another teacher’s course, nor delete any course', async () => {
    const mine = await api('/api/courses', { token: await tokenFor('teacher.amina'), body: newCourse() });
    const other = await tokenFor('teacher.yusuf');
    const id = mine.body.data.documentId;
    await api(`/api/courses/${id}`, {
      method: 'PUT',
      token: await tokenFor('teacher.amina'),
      body: { data: { isPublished: true } },
    });
    expect(
      (await api(`/api/courses/${id}`, { method: 'PUT', token: other, body: { data: { title: 'Taken over' } } }))
        .status,
    ).toBe(403);
    expect((await api(`/api/courses/${id}`, { method: 'DELETE', token: await tokenFor('teacher.amina') })).status).toBe(
      403,
    );
  });

  it('students and parents may not create or update courses; anonymous callers get 401', async () => {
    expect((await api('/api/courses', { token: await tokenFor('ali'), body: newCourse() })).status).toBe(403);
    expect((await api('/api/courses', { token: await tokenFor('parent.fatima'), body: newCourse() })).status).toBe(403);
    expect((await api('/api/courses', { body: newCourse() })).status).toBe(401);
  });

  it('an admin deletes a course: 204 with no body, then 404', async () => {
    const admin = await tokenFor('admin');
    const created = await api('/api/courses', { token: admin, body: newCourse() });
    const id = created.body.data.documentId;
    const deleted = await api(`/api/courses/${id}`, { method: 'DELETE', token: admin });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect((await api(`/api/courses/${id}`, { token: admin })).status).toBe(404);
  });

  it('invalid course data is refused with the field named', async () => {
    const r = await api('/api/courses', {
      token: await tokenFor('admin'),
      body: { data: { title: 'X', category: 'astrology' } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.errors[0].path).toEqual(['data', 'category']);
    const unknownField = await api('/api/courses', {
      token: await tokenFor('admin'),
      body: { data: { title: 'X', category: 'fiqh', createdBy: 1 } },
    });
    expect(unknownField.status).toBe(400);
  });

  it('prerequisites must name existing courses', async () => {
    const r = await api('/api/courses', {
      token: await tokenFor('admin'),
      body: { data: { ...newCourse().data, prerequisites: ['nosuchcourse000000000000'] } },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/nosuchcourse/);
  });
});
