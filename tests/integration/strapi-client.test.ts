import { HTTPBadRequestError, HTTPForbiddenError, HTTPNotFoundError, strapi } from '@strapi/client';
import { describe, expect, it } from 'vitest';
import { baseUrl, tokenFor, unique } from '../support/api';

// The official Strapi JavaScript client, unchanged, against our API: a client written for Strapi v5 must
// work against us as it is.
const client = (auth?: string) => strapi({ baseURL: `${baseUrl()}/api`, auth });

describe('@strapi/client against our API', () => {
  it('lists with filters, populate, sort and pagination', async () => {
    const result = await client()
      .collection('courses')
      .find({
        // The demo catalogue only: other test files add courses as they run.
        filters: { category: { $eq: 'quran' }, isPublished: { $eq: true }, createdAt: { $lt: '2026-10-01T00:00:00Z' } },
        populate: { instructor: { fields: ['name'] }, lessons: { sort: ['order:asc'] } },
        sort: ['createdAt:desc'],
        pagination: { page: 1, pageSize: 10 },
      });
    expect(result.data).toHaveLength(1);
    const course = result.data[0] as any;
    expect(course.title).toBe('Reading Juz ‘Amma with Tajweed');
    expect(course.instructor.name).toBe('Ustadha Amina Rahman');
    expect(course.lessons.map((l: any) => l.order)).toEqual([1, 2, 3, 4]);
    expect(result.meta.pagination).toMatchObject({ page: 1, pageSize: 10, total: 1 });
  });

  it('finds one by documentId, with populate', async () => {
    const list = await client()
      .collection('courses')
      .find({ filters: { title: 'Forty Hadith of Imam an-Nawawi' } });
    const documentId = list.data[0]!.documentId;
    const one = await client().collection('courses').findOne(documentId, { populate: '*' });
    expect(one.data.documentId).toBe(documentId);
    expect((one.data as any).lessons.length).toBe(3);
  });

  it('creates, updates and deletes with a JWT', async () => {
    const courses = client(await tokenFor('teacher.amina')).collection('courses');
    const title = unique('Client course ');
    const created = await courses.create({ title, category: 'general', ageTier: 'youth' });
    expect(created.data).toMatchObject({ title, category: 'general', isPublished: false });
    const updated = await courses.update(created.data.documentId, { description: 'Written by @strapi/client' });
    expect((updated.data as any).description).toBe('Written by @strapi/client');
    await expect(courses.delete(created.data.documentId)).rejects.toBeInstanceOf(HTTPForbiddenError);
    await client(await tokenFor('admin'))
      .collection('courses')
      .delete(created.data.documentId);
    await expect(courses.findOne(created.data.documentId)).rejects.toBeInstanceOf(HTTPNotFoundError);
  });

  it('gets a bad-request error, with our message, for an invalid query', async () => {
    const error = await client()
      .collection('courses')
      .find({ filters: { nope: { $eq: 1 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPBadRequestError);
    const body = (await (error as HTTPBadRequestError).response.json()) as any;
    expect(body.error.message).toMatch(/nope/);
  });

  it('reads lessons of a course the way a mobile client would', async () => {
    const course = (
      await client()
        .collection('courses')
        .find({ filters: { title: { $eq: 'Fiqh of Purification and Prayer' } } })
    ).data[0]!;
    const lessons = await client()
      .collection('lessons')
      .find({
        filters: { course: { documentId: { $eq: course.documentId } } },
        sort: 'order:asc',
        pagination: { pageSize: 50 },
      });
    expect(lessons.data.map((l: any) => l.order)).toEqual([1, 2, 3]);
  });
});

describe('Strapi v5 HTTP details', () => {
  it('a wrong password is a 400 as in Strapi', async () => {
    const r = await fetch(`${baseUrl()}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'ali', password: 'wrong-password' }),
    });
    expect(r.status).toBe(400);
  });

  it('a GET with Content-Type: application/json and no body is fine', async () => {
    const r = await fetch(`${baseUrl()}/api/courses`, { headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(200);
  });

  it('populate[x]=* and populate[x]=true give the same answer', async () => {
    // The demo catalogue only: other test files add courses between the two requests.
    const star = await (
      await fetch(`${baseUrl()}/api/courses?populate[instructor]=*&sort=title&filters[createdAt][$lt]=2026-10-01`)
    ).json();
    const yes = await (
      await fetch(`${baseUrl()}/api/courses?populate[instructor]=true&sort=title&filters[createdAt][$lt]=2026-10-01`)
    ).json();
    expect(star).toEqual(yes);
    expect((star as any).data[0].instructor).toBeTruthy();
  });
});
