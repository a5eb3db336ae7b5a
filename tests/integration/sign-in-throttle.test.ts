import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, clientAddress, registerStudent, tokenFor, unique } from '../support/api';
import { openTestDatabase } from '../support/database-handle';

const signIn = (identifier: string, password: string, address?: string) =>
  api('/api/auth/local', {
    body: { identifier, password },
    ...(address && { headers: { 'cf-connecting-ip': address } }),
  });

const passwordChecks = (r: { headers: Headers }) => Number(r.headers.get('x-password-checks'));

/** Miniflare's local limiter counts in whole wall-clock minutes: start a burst well inside one. */
async function awayFromMinuteEnd() {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
}

describe('the sign-in throttle', () => {
  it('60 concurrent guesses from 60 addresses: ten passwords are judged, the rest are 429 without PBKDF2', async () => {
    const s = await registerStudent();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(s.username, `guess-number-${i}`, clientAddress())),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((status) => status === 400)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(50);
    expect(answers.reduce((sum, a) => sum + passwordChecks(a), 0)).toBe(10);
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(passwordChecks(refused)).toBe(0);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const right = await signIn(s.username, s.password);
    expect(right.status).toBe(429);
    expect(passwordChecks(right)).toBe(0);
  });

  it('the username, the e-mail and their case and full-width variants count on one account', async () => {
    const s = await registerStudent();
    const fullWidth = [...s.username].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    const spellings = [
      s.username,
      `${s.username}@example.test`.toUpperCase(),
      fullWidth,
      ` ${s.username.toUpperCase()} `,
    ];
    for (let i = 0; i < 10; i++) expect((await signIn(spellings[i % 4]!, `wrong-${i}`)).status).toBe(400);
    expect((await signIn(`${s.username}@example.test`, s.password)).status).toBe(429);
  });

  it('every spelling that reaches the account signs in with the right password', async () => {
    const s = await registerStudent();
    const fullWidth = [...s.username].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    for (const spelling of [fullWidth, s.username.toUpperCase(), `${s.username}@EXAMPLE.test`])
      expect((await signIn(spelling, s.password)).status).toBe(200);
  });

  it('a right password forgives the failures before it', async () => {
    const s = await registerStudent();
    for (let i = 0; i < 9; i++) await signIn(s.username, `wrong-${i}`);
    expect((await signIn(s.username, s.password)).status).toBe(200);
    for (let i = 0; i < 9; i++) expect((await signIn(s.username, `again-${i}`)).status).toBe(400);
    expect((await signIn(s.username, s.password)).status).toBe(200);
  });

  it('an unknown identifier is throttled under a hash of its normal form, never stored in plain text', async () => {
    const nobody = unique('Nobody');
    for (let i = 0; i < 10; i++)
      expect((await signIn(i % 2 ? nobody : nobody.toUpperCase(), 'x-wrong')).status).toBe(400);
    expect((await signIn(` ${nobody.toLowerCase()}`, 'x-wrong')).status).toBe(429);
    const handle = await openTestDatabase();
    try {
      const plain = await handle.db.execute(sql`SELECT 1 FROM auth_throttles WHERE key ILIKE ${`%${nobody}%`}`);
      expect(plain.rows).toHaveLength(0);
    } finally {
      await handle.close();
    }
  });

  it('expired throttle rows are removed by later attempts', async () => {
    const stale = `identifier:${unique('stale')}`;
    const rowsOf = async (query: (db: Awaited<ReturnType<typeof openTestDatabase>>['db']) => Promise<unknown>) => {
      // Closed before the next request: the embedded database admits one connection at a time.
      const handle = await openTestDatabase();
      try {
        return await query(handle.db);
      } finally {
        await handle.close();
      }
    };
    await rowsOf((db) =>
      db.execute(
        sql`INSERT INTO auth_throttles (key, failures, window_start) VALUES (${stale}, 10, '2000-01-01T00:00:00Z')`,
      ),
    );
    expect((await signIn(unique('nobody'), 'x-wrong')).status).toBe(400);
    const left = (await rowsOf((db) => db.execute(sql`SELECT 1 FROM auth_throttles WHERE key = ${stale}`))) as {
      rows: unknown[];
    };
    expect(left.rows).toHaveLength(0);
  });
});

describe('limits per client address', () => {
  it('one address gets 60 sign-in attempts a minute, then 429; another address is still served', async () => {
    await awayFromMinuteEnd();
    const address = clientAddress();
    const answers = await Promise.all(Array.from({ length: 61 }, () => signIn(unique('spray'), 'x-wrong', address)));
    expect(answers.filter((a) => a.status === 429)).toHaveLength(1);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.error.message).toMatch(/network/);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await signIn(unique('spray'), 'x-wrong', clientAddress())).status).toBe(400);
  });

  it('one address registers ten accounts a minute, then 429', async () => {
    await awayFromMinuteEnd();
    const address = clientAddress();
    const register = () => {
      const username = unique('r');
      return api('/api/auth/local/register', {
        body: { username, email: `${username}@example.test`, password: 'long-enough-pw' },
        headers: { 'cf-connecting-ip': address },
      });
    };
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await register()).status);
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429]);
  });
});

describe('changing a password', () => {
  it('PUT /api/users/:id by the user themself asks for the current password', async () => {
    const s = await registerStudent();
    const put = (body: object) => api(`/api/users/${s.user.id}`, { method: 'PUT', token: s.jwt, body });
    const missing = await put({ password: 'a-new-password-1' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.errors[0].path).toEqual(['currentPassword']);
    const wrong = await put({ password: 'a-new-password-1', currentPassword: 'not-it-at-all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('The current password is not right');
    expect((await signIn(s.username, s.password)).status).toBe(200);
    expect((await put({ password: 'a-new-password-1', currentPassword: s.password })).status).toBe(200);
    expect((await signIn(s.username, 'a-new-password-1')).status).toBe(200);
  });

  it('wrong current passwords count on the account like failed sign-ins', async () => {
    const s = await registerStudent();
    for (let i = 0; i < 10; i++) {
      const r = await api(`/api/users/${s.user.id}`, {
        method: 'PUT',
        token: s.jwt,
        body: { password: 'a-new-password-1', currentPassword: `wrong-${i}` },
      });
      expect(r.status).toBe(400);
    }
    const r = await api(`/api/users/${s.user.id}`, {
      method: 'PUT',
      token: s.jwt,
      body: { password: 'a-new-password-1', currentPassword: s.password },
    });
    expect(r.status).toBe(429);
    expect((await signIn(s.username, s.password)).status).toBe(429);
  });

  it('an admin resets another user’s password without knowing it; a teacher cannot reach the student', async () => {
    const s = await registerStudent();
    const reset = await api(`/api/users/${s.user.id}`, {
      method: 'PUT',
      token: await tokenFor('admin'),
      body: { password: 'reset-by-the-office' },
    });
    expect(reset.status).toBe(200);
    expect((await signIn(s.username, 'reset-by-the-office')).status).toBe(200);
    const byTeacher = await api(`/api/users/${s.user.id}`, {
      method: 'PUT',
      token: await tokenFor('teacher.amina'),
      body: { password: 'teacher-chose-this' },
    });
    // Teachers update only themselves: another account is not found for them.
    expect(byTeacher.status).toBe(404);
  });

  it('POST /api/auth/change-password (Strapi): new tokens for this device, older tokens stop working', async () => {
    const s = await registerStudent();
    const change = (body: object, token: string | null = s.jwt) =>
      api('/api/auth/change-password', { token: token ?? undefined, body });
    const next = { password: 'next-password-2', passwordConfirmation: 'next-password-2' };
    expect((await change({ ...next, currentPassword: s.password, passwordConfirmation: 'x' })).status).toBe(400);
    const same = { currentPassword: s.password, password: s.password, passwordConfirmation: s.password };
    expect((await change(same)).status).toBe(400);
    expect((await change({ ...next, currentPassword: s.password }, null)).status).toBe(401);
    const r = await change({
      currentPassword: s.password,
      password: 'next-password-2',
      passwordConfirmation: 'next-password-2',
    });
    expect(r.status).toBe(200);
    expect(r.body.user.username).toBe(s.username);
    expect((await api('/api/users/me', { token: s.jwt })).status).toBe(401);
    expect((await api('/api/users/me', { token: r.body.jwt })).status).toBe(200);
    expect((await api('/api/auth/refresh', { body: { refreshToken: s.refreshToken } })).status).toBe(401);
    expect((await signIn(s.username, 'next-password-2')).status).toBe(200);
  });
});
