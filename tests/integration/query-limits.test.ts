import { sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { ISSUE_ATTACK, WORST_ALLOWED_QUERIES } from '../../scripts/bench/worst-queries';
import { api, tokenFor, unique } from '../support/api';
import { openTestDatabase } from '../support/database-handle';

// How long these take on a large dataset is measured by `npm run bench` ("worst queries"), not here:
// a test asserts what the limits allow and refuse, which no machine's speed changes.

describe('the worst queries the limits allow are served', () => {
  it.each(WORST_ALLOWED_QUERIES.map((q) => [q.name, q] as const))('%s: 200, in one list statement', async (_, q) => {
    const token = q.as === 'admin' ? await tokenFor('admin') : undefined;
    const r = await api(q.path, { token });
    expect(r.status, JSON.stringify(r.body?.error)).toBe(200);
    expect(Array.isArray(r.body.data)).toBe(true);
    // The page in one statement; a token's user check rides in the same round trip.
    expect(r.headers.get('x-db-queries')).toBe('1');
  });

  it('and one step past a limit is a 400 in the envelope that names the limit', async () => {
    const worst = WORST_ALLOWED_QUERIES[0]!;
    const r = await api(`${worst.path}&filters[$and][0][title][$eq]=one-more`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({
      data: null,
      error: { status: 400, name: 'ValidationError', details: { limit: { name: 'conditions', max: 20 } } },
    });
    expect(r.body.error.message).toContain('query limit conditions = 20');
  });

  it('the issue’s attack is refused before any SQL runs', async () => {
    const r = await api(ISSUE_ATTACK.path);
    expect(r.status).toBe(400);
    expect(r.body.error.details.limit.name).toBe('branches');
    expect(r.headers.get('x-db-queries')).toBe('0');
  });
});

// PGlite runs every client in one Postgres session and has neither JIT nor a working statement_timeout:
// there the query limits are the only bound. The settings are proven where they apply, on a real server
// (CI runs the suite on both).
const realPostgres = inject('databaseKind') !== 'embedded';

describe.runIf(realPostgres)('API sessions on a real Postgres', () => {
  it('start with statement_timeout 5 s and JIT off (database defaults, so SQL over HTTP has them too)', async () => {
    const handle = await openTestDatabase();
    try {
      const timeout = await handle.db.execute<{ statement_timeout: string }>(sql`SHOW statement_timeout`);
      const jit = await handle.db.execute<{ jit: string }>(sql`SHOW jit`);
      expect(timeout.rows[0]?.statement_timeout).toBe('5s');
      expect(jit.rows[0]?.jit).toBe('off');
    } finally {
      await handle.close();
    }
  });

  it('a statement stopped by statement_timeout is a 503 with Retry-After, and changes nothing', async () => {
    const teacher = await tokenFor('teacher.amina');
    const title = unique('Locked ');
    const created = await api('/api/courses', { token: teacher, body: { data: { title, category: 'fiqh' } } });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    const handle = await openTestDatabase();
    try {
      // Holding the course's row lock makes the API's UPDATE wait until its statement_timeout ends it.
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT id FROM courses WHERE document_id = ${documentId} FOR UPDATE`);
        const r = await api(`/api/courses/${documentId}`, {
          method: 'PUT',
          token: teacher,
          body: { data: { title: `${title} renamed` } },
        });
        expect(r.status).toBe(503);
        expect(r.headers.get('retry-after')).toBe('5');
        expect(r.body).toMatchObject({ data: null, error: { status: 503, name: 'ServiceUnavailableError' } });
      });
    } finally {
      await handle.close();
    }
    const after = await api(`/api/courses/${documentId}`, { token: teacher });
    expect(after.body.data.title).toBe(title);
  }, 20_000);
});
