import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { memoryUsageStore } from '../services/observability/usage-memory-store';
import type { UsagePoint } from '../services/observability/usage-point';

// The real app, in Node: these requests are answered before any database is needed (a 404, a 405, a
// refusal by the policy), so the test sees exactly which route each point is recorded under.

const env = { DATABASE_URL: 'postgres://unused', JWT_SECRET: 'x'.repeat(48), API_USAGE_STORE: 'memory' };
let since = 0;
const recorded = (): UsagePoint[] => memoryUsageStore.points(since, Date.now() + 1);

beforeEach(() => {
  since = Date.now();
});

describe('API usage middleware', () => {
  it('records the route pattern, never the ids in the path, with method, status and duration', async () => {
    const app = createApp();
    const refused = await app.request('/api/courses/a1b2c3d4e5f6g7h8i9j0k1l2', { method: 'DELETE' }, env);
    expect(refused.status).toBe(401);
    const wrongMethod = await app.request('/api/courses/a1b2c3d4e5f6g7h8i9j0k1l2', { method: 'PATCH' }, env);
    expect(wrongMethod.status).toBe(405);
    expect((await app.request('/api/no-such-thing/42', {}, env)).status).toBe(404);
    expect((await app.request('/_health', {}, env)).status).toBe(204);
    const points = recorded();
    expect(points.map((p) => [p.method, p.route, p.status])).toEqual([
      ['DELETE', '/api/courses/:documentId', 401],
      ['PATCH', '/api/courses/:documentId', 405],
      ['GET', '/api/*', 404],
      ['GET', '/_health', 204],
    ]);
    expect(JSON.stringify(points)).not.toContain('a1b2c3');
    for (const p of points) expect(p.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('does not count the PWA’s own pages as API usage', async () => {
    const app = createApp();
    await app.request('/learn/some-page', {}, env);
    expect(recorded()).toEqual([]);
  });

  it('writes to the Analytics Engine binding in production, and nothing when turned off', async () => {
    const app = createApp();
    const written: unknown[] = [];
    const dataset = { writeDataPoint: (point: unknown) => written.push(point) };
    await app.request('/_health', {}, { ...env, API_USAGE_STORE: 'analytics-engine', API_USAGE: dataset });
    expect(written).toEqual([
      { indexes: ['/_health'], blobs: ['/_health', 'GET', '2xx'], doubles: [expect.any(Number), 204] },
    ]);
    await app.request('/_health', {}, { ...env, API_USAGE_STORE: 'off', API_USAGE: dataset });
    expect(written).toHaveLength(1);
    expect(recorded()).toEqual([]);
  });
});
