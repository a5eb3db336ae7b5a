import { describe, expect, it } from 'vitest';
import { api, baseUrl, tokenFor } from '../support/api';
import { fetchText } from '../support/analytics-fixtures';
import * as fixture from '../support/media-fixtures';
import { createAccount } from '../support/stats-fixtures';

// Other test files hit the same worker at the same time: usage figures are asserted as "at least" what
// this file did, for routes and days, never as totals.

const usage = (token: string, query = '') => api(`/api/observability/api-usage${query}`, { token });
const row = (body: any, method: string, route: string) =>
  body.data.find(
    (r: any) => r.method === method && r.route === route && r.day === new Date().toISOString().slice(0, 10),
  );

describe('API usage', () => {
  it('reports requests per route pattern and day, with error rates and latency percentiles, ids left out', async () => {
    const admin = await tokenFor('admin');
    const courses = await api('/api/courses?pagination[pageSize]=1', { token: admin });
    const documentId = courses.body.data[0].documentId as string;
    const before = row((await usage(admin)).body, 'GET', '/api/courses/:documentId')?.requests ?? 0;
    const beforeErrors = row((await usage(admin)).body, 'GET', '/api/courses/:documentId')?.clientErrors ?? 0;
    for (let i = 0; i < 3; i++) expect((await api(`/api/courses/${documentId}`, { token: admin })).status).toBe(200);
    expect((await api('/api/courses/no-such-course-0000000000', { token: admin })).status).toBe(404);

    const r = await usage(admin);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.meta).toMatchObject({ source: 'memory', available: true });
    const courseRow = row(r.body, 'GET', '/api/courses/:documentId');
    expect(courseRow.requests).toBeGreaterThanOrEqual(before + 4);
    expect(courseRow.clientErrors).toBeGreaterThanOrEqual(beforeErrors + 1);
    expect(courseRow.p50).toBeLessThanOrEqual(courseRow.p95);
    expect(courseRow.p95).toBeLessThanOrEqual(courseRow.p99);
    expect(courseRow.p50).toBeGreaterThan(0);
    expect(JSON.stringify(r.body)).not.toContain(documentId);
    expect(JSON.stringify(r.body)).not.toContain('no-such-course');
  });

  it('counts a refused request under the route it was refused by, and unknown paths under /api/*', async () => {
    const admin = await tokenFor('admin');
    const bad = await api('/api/analytics/completion', { headers: { authorization: 'Bearer not-a-token' } });
    expect(bad.status).toBe(401);
    expect((await api('/api/no-such-resource/123')).status).toBe(404);
    const r = await usage(admin);
    expect(row(r.body, 'GET', '/api/analytics/completion').clientErrors).toBeGreaterThanOrEqual(1);
    expect(row(r.body, 'GET', '/api/*').clientErrors).toBeGreaterThanOrEqual(1);
  });

  it('narrows to one route, exports CSV, and refuses bad windows and route filters', async () => {
    const admin = await tokenFor('admin');
    const one = await usage(admin, `?route=${encodeURIComponent('/api/courses/:documentId')}`);
    expect(one.status).toBe(200);
    expect(new Set(one.body.data.map((r: any) => r.route))).toEqual(new Set(['/api/courses/:documentId']));
    const today = new Date().toISOString().slice(0, 10);
    const csv = await fetchText(`/api/observability/api-usage?format=csv&from=${today}&to=${today}`, admin);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="api-usage_${today}_${today}.csv"`);
    expect(csv.text.split('\r\n')[0]).toBe(
      'Day,Method,Route,Requests,4xx,5xx,Error rate (5xx) (%),4xx rate (%),p50 (ms),p95 (ms),p99 (ms)',
    );
    for (const query of ['?from=2026-13-01', "?route=/api/x' OR 1=1", '?limit=5']) {
      expect((await usage(admin, query)).status, query).toBe(400);
    }
  });

  it('is for admins only', async () => {
    expect((await usage(await tokenFor('teacher.amina'))).status).toBe(403);
    expect((await usage(await tokenFor('parent.fatima'))).status).toBe(403);
    expect((await usage(await tokenFor('zaid'))).status).toBe(403);
    expect((await api('/api/observability/api-usage')).status).toBe(401);
  });
});

describe('system health', () => {
  it('reports the database, migrations against the journal, storage and what is known of backups', async () => {
    const r = await api('/api/observability/health', { token: await tokenFor('admin') });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const health = r.body.data;
    expect(health.status).toBe('ok');
    expect(health.database).toMatchObject({ reachable: true, error: null });
    expect(health.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(health.database.serverVersion).toMatch(/^\d+/);
    expect(health.migrations).toMatchObject({ pending: [], unknown: 0, upToDate: true });
    expect(health.migrations.applied).toBe(health.migrations.expected);
    expect(health.migrations.latestApplied).toMatch(/^\d{4}_/);
    expect(health.storage.bound).toBe(true);
    // Not Neon here, and no backup files: the answer says so instead of inventing a time.
    expect(health.backups).toMatchObject({ lastBackupAt: null, pointInTimeRestore: false });
    expect(health.backups.note).toContain('not on Neon');
    expect(health.apiUsage).toEqual({ source: 'memory' });
    expect(r.headers.get('cache-control')).toBe('no-store');
  });

  it('counts an upload in the media bucket once listed again', async () => {
    const admin = await tokenFor('admin');
    const form = new FormData();
    form.append('files', new Blob([fixture.png1x1()], { type: 'image/png' }), 'health.png');
    const uploaded = await fetch(`${baseUrl()}/api/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const r = await api('/api/observability/health?refresh=true', { token: admin });
    const uploads = r.body.data.storage.byPrefix.find((p: any) => p.prefix === 'uploads');
    expect(uploads.objects).toBeGreaterThanOrEqual(1);
    expect(uploads.bytes).toBeGreaterThanOrEqual(fixture.png1x1().length);
    expect(r.body.data.storage.objects).toBeGreaterThanOrEqual(uploads.objects);
    expect(Date.parse(r.body.data.storage.listedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('is for admins only, and takes only ?refresh=', async () => {
    expect((await api('/api/observability/health', { token: await tokenFor('teacher.yusuf') })).status).toBe(403);
    const student = await createAccount();
    expect((await api('/api/observability/health', { token: student.jwt })).status).toBe(403);
    expect((await api('/api/observability/health')).status).toBe(401);
    expect((await api('/api/observability/health?refresh=yes', { token: await tokenFor('admin') })).status).toBe(400);
  });
});
