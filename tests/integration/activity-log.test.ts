import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, baseUrl, registerStudent, tokenFor, unique } from '../support/api';
import * as fixture from '../support/media-fixtures';
import { withDatabase } from '../support/stats-fixtures';

const log = async (query: string) => api(`/api/activity-logs?${query}`, { token: await tokenFor('admin') });

async function entriesFor(documentId: string) {
  const r = await log(`entity=${documentId}&pageSize=100`);
  expect(r.status).toBe(200);
  return r.body.data as any[];
}

describe('the activity log records content changes', () => {
  it('create, update with the fields changed, publish, unpublish and delete, with who and the request id', async () => {
    const token = await tokenFor('teacher.amina');
    const created = await api('/api/courses', {
      token,
      headers: { 'x-request-id': 'req-activity-create-1' },
      body: { data: { title: unique('Logged '), category: 'quran' } },
    });
    const id = created.body.data.documentId;
    const path = `/api/courses/${id}`;
    await api(path, {
      method: 'PUT',
      token,
      body: { data: { description: '<p>new</p>', title: created.body.data.title, instructor: null } },
    });
    await api(path, { method: 'PUT', token, body: { data: { isPublished: true } } });
    await api(path, { method: 'PUT', token, body: { data: { isPublished: false } } });
    await api(path, { method: 'DELETE', token: await tokenFor('admin') });

    const entries = (await entriesFor(id)).reverse();
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'publish', 'unpublish', 'delete']);
    expect(entries[0]).toMatchObject({
      entityType: 'courses',
      requestId: 'req-activity-create-1',
      actor: { username: 'teacher.amina', role: 'teacher' },
      changedFields: ['category', 'title'],
    });
    // The title and the (empty) instructor were sent unchanged: only the description changed.
    expect(entries[1].changedFields).toEqual(['description']);
    expect(entries[1].summary).toContain(created.body.data.title);
    expect(entries[4]).toMatchObject({ action: 'delete', actor: { username: 'admin' } });
  });

  it('a refused change leaves no entry: the entry is written in the change’s own transaction', async () => {
    const token = await tokenFor('teacher.amina');
    const created = await api('/api/courses', {
      token,
      body: { data: { title: unique('Atomic '), category: 'fiqh' } },
    });
    const id = created.body.data.documentId;
    const refused = await api(`/api/courses/${id}`, {
      method: 'PUT',
      token,
      body: { data: { estimatedDuration: -5 } },
    });
    expect(refused.status).toBe(400);
    const stale = await api(`/api/courses/${id}`, {
      method: 'PUT',
      token,
      headers: { 'if-match': '"1"' },
      body: { data: { title: 'x' } },
    });
    expect(stale.status).toBe(412);
    expect((await entriesFor(id)).map((e) => e.action)).toEqual(['create']);
  });

  it('records account administration and family links without passwords or names', async () => {
    const admin = await tokenFor('admin');
    const child = await registerStudent();
    const parentName = unique('plog');
    const parent = await api('/api/users', {
      token: admin,
      body: {
        username: parentName,
        email: `${parentName}@example.test`,
        password: 'parent-password-1',
        role: 'parent',
      },
    });
    await api('/api/guardian-links', {
      token: admin,
      body: { data: { parent: parent.body.id, child: child.user.id } },
    });
    await api(`/api/admin/users/${child.user.documentId}/blocked`, {
      method: 'PUT',
      token: admin,
      body: { data: { blocked: true } },
    });
    await api(`/api/admin/users/${child.user.documentId}/blocked`, {
      method: 'PUT',
      token: admin,
      body: { data: { blocked: false } },
    });
    await api(`/api/admin/users/${child.user.documentId}/password-reset`, {
      method: 'POST',
      token: admin,
      body: { data: {} },
    });

    const entries = (await entriesFor(child.user.documentId)).reverse();
    expect(entries.map((e) => e.action)).toEqual(['register', 'link', 'block', 'unblock', 'password_reset']);
    expect(entries[1]).toMatchObject({
      entityType: 'guardianLinks',
      summary: `linked to parent ${parent.body.documentId}`,
    });
    // What is stored: the account's current username is only joined in when an admin reads the log.
    const stored = JSON.stringify(entries.map((e) => [e.summary, e.changedFields]));
    expect(stored).not.toContain(child.username);
    expect(JSON.stringify(entries)).not.toContain(child.password);
    expect((await entriesFor(parent.body.documentId))[0]).toMatchObject({
      action: 'create',
      changedFields: ['email', 'role', 'username'],
    });
  });

  it('records media uploads and deletions, and awards by hand', async () => {
    const teacher = await tokenFor('teacher.yusuf');
    const form = new FormData();
    form.append('files', new Blob([fixture.png1x1()]), 'zaid-photo.png');
    const upload = await fetch(`${baseUrl()}/api/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teacher}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    const [file] = (await upload.json()) as any[];
    await api(`/api/upload/files/${file.id}`, { method: 'DELETE', token: teacher });
    const entries = (await entriesFor(file.documentId)).reverse();
    expect(entries.map((e) => e.action)).toEqual(['upload', 'delete']);
    expect(JSON.stringify(entries)).not.toContain('zaid');

    const learner = await registerStudent();
    const achievement = (await api('/api/achievements?pagination[pageSize]=1')).body.data[0];
    const award = await api('/api/user-achievements', {
      token: teacher,
      body: { data: { user: learner.user.documentId, achievement: achievement.documentId } },
    });
    expect(award.status).toBe(201);
    expect((await entriesFor(learner.user.documentId)).map((e) => e.action)).toContain('award');
  });
});

describe('reading the activity log', () => {
  it('filters by actor, action, entity type, dates and text, newest first, a page at a time with the total', async () => {
    const token = await tokenFor('teacher.yusuf');
    const marker = unique('Needle ');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await api('/api/courses', { token, body: { data: { title: `${marker} ${i}`, category: 'seerah' } } });
      ids.push(r.body.data.documentId);
    }
    const today = new Date().toISOString().slice(0, 10);
    const page1 = await log(
      `q=${encodeURIComponent(marker)}&actor=teacher.yusuf&action=create,update&entityType=courses&from=${today}&to=${today}&pageSize=2`,
    );
    expect(page1.status).toBe(200);
    expect(page1.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    expect(page1.body.data.map((e: any) => e.entityDocumentId)).toEqual([ids[2], ids[1]]);
    const page2 = await log(`q=${encodeURIComponent(marker)}&pageSize=2&page=2`);
    expect(page2.body.data.map((e: any) => e.entityDocumentId)).toEqual([ids[0]]);
    const past = await log(`q=${encodeURIComponent(marker)}&pageSize=2&page=9`);
    expect(past.body.data).toEqual([]);
    expect(past.body.meta.pagination.total).toBe(3);
    expect((await log(`q=${encodeURIComponent(marker)}&actor=teacher.amina`)).body.meta.pagination.total).toBe(0);
    expect((await log(`q=${encodeURIComponent(marker)}&action=delete`)).body.meta.pagination.total).toBe(0);
    expect((await log(`q=${encodeURIComponent(marker)}&to=2000-01-01`)).body.meta.pagination.total).toBe(0);
    const yusuf = page1.body.data[0].actor.documentId;
    expect((await log(`q=${encodeURIComponent(marker)}&actor=${yusuf}`)).body.meta.pagination.total).toBe(3);
  });

  it('refuses unknown or malformed filters with 400', async () => {
    for (const query of [
      'action=hack',
      'entityType=passwords',
      'from=yesterday',
      'pageSize=1000',
      'page=0',
      'colour=red',
      'from=2026-02-01&to=2026-01-01',
    ]) {
      const r = await log(query);
      expect(r.status, query).toBe(400);
      expect(r.body.error.name).toBe('ValidationError');
    }
  });

  it('is for admins only', async () => {
    for (const user of ['teacher.amina', 'parent.fatima', 'zaid']) {
      expect((await api('/api/activity-logs', { token: await tokenFor(user) })).status, user).toBe(403);
    }
    expect((await api('/api/activity-logs')).status).toBe(401);
  });

  it('has no route that changes it', async () => {
    const admin = await tokenFor('admin');
    expect((await api('/api/activity-logs', { method: 'DELETE', token: admin })).status).toBe(405);
    expect((await api('/api/activity-logs', { method: 'POST', token: admin, body: {} })).status).toBe(405);
    expect((await api('/api/activity-logs/1', { method: 'PUT', token: admin, body: {} })).status).toBe(404);
  });
});

describe('the activity log in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whoever connects', async () => {
    await withDatabase(async (db) => {
      const [row] = (
        await db.execute<{ id: number }>(
          sql`INSERT INTO activity_log (action, entity_type, summary) VALUES ('update', 'courses', 'guard test') RETURNING id`,
        )
      ).rows;
      for (const statement of [
        sql`UPDATE activity_log SET summary = 'rewritten' WHERE id = ${row!.id}`,
        sql`DELETE FROM activity_log WHERE id = ${row!.id}`,
        sql`TRUNCATE activity_log`,
      ]) {
        const error = await db.execute(statement).then(
          () => null,
          (e: any) => e.cause ?? e,
        );
        expect(error?.message).toMatch(/append-only/);
      }
      const kept = await db.execute<{ summary: string }>(sql`SELECT summary FROM activity_log WHERE id = ${row!.id}`);
      expect(kept.rows[0]?.summary).toBe('guard test');
    });
  });

  it('keeps what a deleted user did, under their documentId', async () => {
    const admin = await tokenFor('admin');
    const s = await registerStudent();
    await api(`/api/users/${s.user.id}`, { method: 'PUT', token: s.jwt, body: { fullName: 'Gone Soon' } });
    expect((await api(`/api/admin/users/${s.user.documentId}`, { method: 'DELETE', token: admin })).status).toBe(204);
    const r = await log(`actor=${s.user.documentId}`);
    expect(r.body.data.map((e: any) => e.action)).toEqual(['update', 'register']);
    expect(r.body.data[0].actor).toEqual({
      id: s.user.id,
      documentId: s.user.documentId,
      username: null,
      role: 'student',
    });
    expect(r.body.data[0].changedFields).toEqual(['fullName']);
    expect(JSON.stringify(r.body.data)).not.toContain('Gone Soon');
  });
});
