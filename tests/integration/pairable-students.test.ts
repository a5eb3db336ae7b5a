import { describe, expect, it } from 'vitest';
import { api, tokenFor } from '../support/api';
import { createAccount, createCourse, enroll } from '../support/stats-fixtures';

/** GET /api/pairing-codes/students: the students a teacher or admin may issue a pairing code for. */
const students = (token: string, query = '') => api(`/api/pairing-codes/students${query}`, { token });

const redeem = (token: string, code: string, address: string) =>
  api('/api/pairing-codes/redeem', { token, headers: { 'cf-connecting-ip': address }, body: { data: { code } } });

describe('the students a teacher may issue pairing codes for', () => {
  it('a teacher finds their own student with the course that makes them theirs, and the open code', async () => {
    const fullName = `Maryam Test ${Date.now()}`;
    const child = await createAccount({ fullName });
    const own = await createCourse('teacher.amina', 1);
    const other = await createCourse('teacher.yusuf', 1);
    await enroll(child.documentId, own.documentId);
    await enroll(child.documentId, other.documentId);
    const amina = await tokenFor('teacher.amina');

    const found = await students(amina, `?q=${encodeURIComponent(fullName)}`);
    expect(found.status).toBe(200);
    expect(found.body.data).toEqual([
      {
        documentId: child.documentId,
        username: child.username,
        fullName,
        // Only amina's course: yusuf's is none of her business.
        courses: [{ documentId: own.documentId, title: own.title }],
        openCodeExpiresAt: null,
      },
    ]);
    expect(found.body.meta.pagination).toMatchObject({ page: 1, total: 1, pageCount: 1 });

    const issued = await api('/api/pairing-codes', { token: amina, body: { data: { child: child.documentId } } });
    expect(issued.status).toBe(201);
    const [withCode] = (await students(amina, `?q=${child.username}`)).body.data;
    expect(withCode.openCodeExpiresAt).toBe(issued.body.data.expiresAt);
  });

  it('a used code is no longer open; a dropped course no longer makes a student the teacher’s', async () => {
    const child = await createAccount();
    const course = await createCourse('teacher.amina', 1);
    await enroll(child.documentId, course.documentId);
    const amina = await tokenFor('teacher.amina');
    const { code } = (await api('/api/pairing-codes', { token: amina, body: { data: { child: child.documentId } } }))
      .body.data;
    const parent = await createAccount({ role: 'parent' });
    expect((await redeem(parent.jwt, code, '198.51.100.201')).status).toBe(201);
    expect((await students(amina, `?q=${child.username}`)).body.data[0].openCodeExpiresAt).toBeNull();

    const dropped = await createAccount();
    await enroll(dropped.documentId, course.documentId, { status: 'dropped' });
    expect((await students(amina, `?q=${dropped.username}`)).body.data).toEqual([]);
  });

  it('an admin finds any student, with all their courses; pages hold at most pageSize', async () => {
    const child = await createAccount();
    const course = await createCourse('teacher.yusuf', 1);
    await enroll(child.documentId, course.documentId);
    const admin = await tokenFor('admin');
    const [found] = (await students(admin, `?q=${child.username}`)).body.data;
    expect(found.courses.map((c: { documentId: string }) => c.documentId)).toEqual([course.documentId]);
    const page = await students(admin, '?pageSize=2&page=1');
    expect(page.body.data.length).toBeLessThanOrEqual(2);
    expect(page.body.meta.pagination.pageSize).toBe(2);
  });

  it('a search with % or _ matches those letters, not everything', async () => {
    const admin = await tokenFor('admin');
    expect((await students(admin, '?q=%25%25')).body.data).toEqual([]);
  });
});

describe('the pairable students list refuses bad input', () => {
  it('unknown parameters, a page size over 100 and a page of 0 are 400', async () => {
    const admin = await tokenFor('admin');
    expect((await students(admin, '?sort=username')).status).toBe(400);
    expect((await students(admin, '?pageSize=101')).status).toBe(400);
    expect((await students(admin, '?page=0')).status).toBe(400);
  });
});

describe('the pairable students list refuses the wrong person', () => {
  it('another teacher does not see a student outside their courses; parents, students and visitors are refused', async () => {
    const child = await createAccount();
    await enroll(child.documentId, (await createCourse('teacher.amina', 1)).documentId);
    expect((await students(await tokenFor('teacher.yusuf'), `?q=${child.username}`)).body.data).toEqual([]);
    expect((await students(await tokenFor('parent.fatima'))).status).toBe(403);
    expect((await students(child.jwt)).status).toBe(403);
    expect((await api('/api/pairing-codes/students')).status).toBe(401);
  });

  it('parents and other non-students are never listed, even to an admin', async () => {
    const parent = await createAccount({ role: 'parent' });
    expect((await students(await tokenFor('admin'), `?q=${parent.username}`)).body.data).toEqual([]);
  });
});

describe('a refused pairing code says why in details.reason', () => {
  it('unknown, used and already-linked codes each carry their reason', async () => {
    const admin = await tokenFor('admin');
    const parent = await createAccount({ role: 'parent' });
    const unknown = await redeem(parent.jwt, 'QQQQ-QQQQ', '198.51.100.202');
    expect(unknown.body.error.details).toEqual({ reason: 'unknown' });

    const child = await createAccount();
    const { code } = (await api('/api/pairing-codes', { token: admin, body: { data: { child: child.documentId } } }))
      .body.data;
    expect((await redeem(parent.jwt, code, '198.51.100.203')).status).toBe(201);
    const again = await redeem((await createAccount({ role: 'parent' })).jwt, code, '198.51.100.204');
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual({ reason: 'used' });

    const second = (await api('/api/pairing-codes', { token: admin, body: { data: { child: child.documentId } } })).body
      .data;
    const linked = await redeem(parent.jwt, second.code, '198.51.100.205');
    expect(linked.status).toBe(409);
    expect(linked.body.error.details).toEqual({ reason: 'already-linked' });
  });
});
