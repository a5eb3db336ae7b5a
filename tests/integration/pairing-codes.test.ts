import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, registerStudent, tokenFor } from '../support/api';
import { publishedCourse } from '../support/learning';
import { createAccount, withDatabase } from '../support/stats-fixtures';

/** A student enrolled in a course of teacher.amina: "her" student. */
async function aminasStudent() {
  const student = await registerStudent();
  const { course } = await publishedCourse({ lessonCount: 1 });
  const enrolled = await api('/api/course-enrollments', {
    token: student.jwt,
    body: { data: { course: course.documentId } },
  });
  expect(enrolled.status).toBe(201);
  return student;
}

async function issue(token: string, child: string) {
  return api('/api/pairing-codes', { token, body: { data: { child } } });
}

let addressCounter = 0;
/** Each test comes from its own address, so the per-address limit of one test does not reach another. */
const newAddress = () => `198.51.100.${++addressCounter}`;

async function redeem(token: string, code: string, address = newAddress()) {
  return api('/api/pairing-codes/redeem', {
    token,
    headers: { 'cf-connecting-ip': address },
    body: { data: { code } },
  });
}

describe('pairing a parent with a child by a one-time code', () => {
  it('the child’s teacher issues a short code; a parent redeems it and then follows the child', async () => {
    const child = await aminasStudent();
    const issued = await issue(await tokenFor('teacher.amina'), child.user.documentId);
    expect(issued.status).toBe(201);
    expect(issued.body.data.code).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    const hours = (Date.parse(issued.body.data.expiresAt) - Date.parse(issued.body.data.createdAt)) / 3600_000;
    expect(Math.round(hours)).toBe(48);

    const parent = await createAccount({ role: 'parent' });
    // Typed as a parent might: lower case, spaces instead of the dash.
    const typed = issued.body.data.code.toLowerCase().replace('-', ' ');
    const redeemed = await redeem(parent.jwt, typed);
    expect(redeemed.status).toBe(201);
    expect(redeemed.body.data.child).toMatchObject({ documentId: child.user.documentId, username: child.username });
    const seen = (await api('/api/users', { token: parent.jwt })).body.map((u: any) => u.username);
    expect(seen).toContain(child.username);
    expect(
      (await api('/api/progress-stats', { token: parent.jwt })).body.data.children.map(
        (c: any) => c.learner.documentId,
      ),
    ).toContain(child.user.documentId);
  });

  it('a code is single use: a second parent is told it was used', async () => {
    const child = await aminasStudent();
    const { code } = (await issue(await tokenFor('admin'), child.user.documentId)).body.data;
    const [first, second] = [await createAccount({ role: 'parent' }), await createAccount({ role: 'parent' })];
    expect((await redeem(first.jwt, code)).status).toBe(201);
    const again = await redeem(second.jwt, code);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already been used/);
  });

  it('two parents redeeming the same code at the same moment: exactly one is linked', async () => {
    const child = await aminasStudent();
    const { code } = (await issue(await tokenFor('teacher.amina'), child.user.documentId)).body.data;
    const parents = await Promise.all([createAccount({ role: 'parent' }), createAccount({ role: 'parent' })]);
    const results = await Promise.all(parents.map((p) => redeem(p.jwt, code)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const links = await withDatabase((db) =>
      db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM guardian_links WHERE child_id = (SELECT id FROM users WHERE document_id = ${child.user.documentId})`,
      ),
    );
    expect(links.rows[0]!.n).toBe(1);
  });

  it('an expired or withdrawn code does not link, and says why', async () => {
    const child = await aminasStudent();
    const teacher = await tokenFor('teacher.amina');
    const expired = (await issue(teacher, child.user.documentId)).body.data;
    await withDatabase((db) =>
      db.execute(
        sql`UPDATE pairing_codes SET created_at = now() - interval '49 hours', expires_at = now() - interval '1 hour' WHERE document_id = ${expired.documentId}`,
      ),
    );
    const parent = await createAccount({ role: 'parent' });
    const late = await redeem(parent.jwt, expired.code);
    expect(late.status).toBe(400);
    expect(late.body.error.message).toMatch(/expired/);

    const withdrawn = (await issue(teacher, child.user.documentId)).body.data;
    const open = await api(`/api/pairing-codes?child=${child.user.documentId}`, { token: teacher });
    expect(open.body.data.map((c: any) => c.documentId)).toEqual([withdrawn.documentId]);
    expect(JSON.stringify(open.body)).not.toContain(withdrawn.code);
    expect((await api(`/api/pairing-codes/${withdrawn.documentId}`, { method: 'DELETE', token: teacher })).status).toBe(
      204,
    );
    const refused = await redeem(parent.jwt, withdrawn.code);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/withdrawn/);
    expect((await api('/api/users', { token: parent.jwt })).body.map((u: any) => u.username)).not.toContain(
      child.username,
    );
  });

  it('a parent already linked keeps the code unspent for another guardian', async () => {
    const child = await aminasStudent();
    const parent = await createAccount({ role: 'parent' });
    const admin = await tokenFor('admin');
    await api('/api/guardian-links', {
      token: admin,
      body: { data: { parent: parent.documentId, child: child.user.documentId } },
    });
    const { code } = (await issue(admin, child.user.documentId)).body.data;
    expect((await redeem(parent.jwt, code)).status).toBe(409);
    expect((await redeem((await createAccount({ role: 'parent' })).jwt, code)).status).toBe(201);
  });

  it('only the hash of a code is stored', async () => {
    const child = await aminasStudent();
    const issued = (await issue(await tokenFor('admin'), child.user.documentId)).body.data;
    const stored = await withDatabase((db) =>
      db.execute<{ code_hash: string }>(
        sql`SELECT code_hash FROM pairing_codes WHERE document_id = ${issued.documentId}`,
      ),
    );
    expect(stored.rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]!.code_hash).not.toContain(issued.code.replace('-', ''));
  });
});

describe('pairing codes refuse bad input and rate-limit guessing', () => {
  it('refuses malformed bodies and unknown codes', async () => {
    const parent = await createAccount({ role: 'parent' });
    expect((await api('/api/pairing-codes/redeem', { token: parent.jwt, body: { code: 'ABCD-EFGH' } })).status).toBe(
      400,
    );
    expect((await redeem(parent.jwt, '')).status).toBe(400);
    const unknown = await redeem(parent.jwt, 'ZZZZ-ZZZZ');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/No such pairing code/);
    expect(
      (await api('/api/pairing-codes', { token: await tokenFor('admin'), body: { data: { kid: 'x' } } })).status,
    ).toBe(400);
  });

  it('ten wrong codes in an hour stop a parent with 429, even from another address', async () => {
    const parent = await createAccount({ role: 'parent' });
    const address = newAddress();
    for (let i = 0; i < 10; i++)
      expect((await redeem(parent.jwt, `WRNG-${String(i).padStart(4, 'A')}`, address)).status).toBe(400);
    const blocked = await redeem(parent.jwt, 'WRNG-ZZZZ', newAddress());
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // A right code is refused too while the limit holds: guessing cannot be mixed with real use.
    const child = await aminasStudent();
    const { code } = (await issue(await tokenFor('admin'), child.user.documentId)).body.data;
    expect((await redeem(parent.jwt, code, newAddress())).status).toBe(429);
  });

  it('thirty wrong codes from one address stop every parent there', async () => {
    const address = newAddress();
    const parents = await Promise.all([1, 2, 3, 4].map(() => createAccount({ role: 'parent' })));
    let sent = 0;
    for (const parent of parents.slice(0, 3))
      for (let i = 0; i < 10 && sent < 30; i++, sent++)
        await redeem(parent.jwt, `ADDR-${String(sent).padStart(4, 'A')}`, address);
    const fourth = await redeem(parents[3]!.jwt, 'ADDR-ZZZZ', address);
    expect(fourth.status).toBe(429);
    expect((await redeem(parents[3]!.jwt, 'ADDR-ZZZZ', newAddress())).status).toBe(400);
  });
});

describe('pairing codes refuse the wrong person', () => {
  it('a teacher may not issue a code for a student outside their courses (404), nor for a non-student', async () => {
    const stranger = await registerStudent();
    const teacher = await tokenFor('teacher.yusuf');
    expect((await issue(teacher, stranger.user.documentId)).status).toBe(404);
    const admin = await tokenFor('admin');
    const parentAccount = await createAccount({ role: 'parent' });
    expect((await issue(admin, parentAccount.documentId)).status).toBe(404);
  });

  it('parents and students may not issue codes; only parents redeem; anonymous is 401', async () => {
    const child = await aminasStudent();
    expect((await issue(await tokenFor('parent.fatima'), child.user.documentId)).status).toBe(403);
    expect((await issue(child.jwt, child.user.documentId)).status).toBe(403);
    const { code } = (await issue(await tokenFor('admin'), child.user.documentId)).body.data;
    expect((await redeem(child.jwt, code)).status).toBe(403);
    expect((await redeem(await tokenFor('teacher.amina'), code)).status).toBe(403);
    expect((await api('/api/pairing-codes/redeem', { body: { data: { code } } })).status).toBe(401);
  });

  it('a teacher sees and withdraws only the codes of their own students', async () => {
    const child = await aminasStudent();
    const { documentId } = (await issue(await tokenFor('teacher.amina'), child.user.documentId)).body.data;
    const yusuf = await tokenFor('teacher.yusuf');
    const listed = await api('/api/pairing-codes', { token: yusuf });
    expect(listed.body.data.map((c: any) => c.documentId)).not.toContain(documentId);
    expect((await api(`/api/pairing-codes/${documentId}`, { method: 'DELETE', token: yusuf })).status).toBe(404);
  });
});
