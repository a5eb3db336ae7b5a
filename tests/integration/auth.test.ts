import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { JWT_AUDIENCE, JWT_ISSUER } from '../../worker/lib/tokens';
import { api, registerStudent, tokenFor, unique } from '../support/api';

describe('register, sign in, me', () => {
  it('registers a student and returns a JWT, a refresh token and the sanitized user', async () => {
    const username = unique('reg');
    const r = await api('/api/auth/local/register', {
      body: { username, email: `${username}@Example.test`, password: 'long-enough-pw' },
    });
    expect(r.status).toBe(200);
    expect(r.body.jwt.split('.')).toHaveLength(3);
    expect(r.body.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(r.body.user).toMatchObject({
      username,
      email: `${username}@example.test`,
      role: { type: 'student' },
      blocked: false,
    });
    expect(r.body.user.documentId).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(JSON.stringify(r.body)).not.toMatch(/password|pbkdf2/);
  });

  it('signs in by username or by e-mail, case-insensitively', async () => {
    const s = await registerStudent();
    for (const identifier of [s.username, s.username.toUpperCase(), `${s.username}@example.test`]) {
      const r = await api('/api/auth/local', { body: { identifier, password: s.password } });
      expect(r.status).toBe(200);
      expect(r.body.user.username).toBe(s.username);
    }
  });

  it('GET /api/users/me returns the signed-in user with role and profile', async () => {
    const r = await api('/api/users/me', { token: await tokenFor('zaid') });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      username: 'zaid',
      email: null,
      role: { type: 'student' },
      profile: { fullName: 'Zaid Hassan', ageTier: 'children' },
    });
  });

  it('GET /api/users/me without a token is a 401 in the Strapi envelope', async () => {
    const r = await api('/api/users/me');
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ data: null, error: { status: 401, name: 'UnauthorizedError' } });
  });
});

describe('registration errors', () => {
  it('refuses a taken username or e-mail', async () => {
    const s = await registerStudent();
    const again = await api('/api/auth/local/register', {
      body: { username: s.username.toUpperCase(), email: 'other@example.test', password: 'long-enough-pw' },
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('Email or Username are already taken');
    const sameEmail = await api('/api/auth/local/register', {
      body: { username: unique('x'), email: `${s.username}@example.test`, password: 'long-enough-pw' },
    });
    expect(sameEmail.status).toBe(400);
  });

  it('lists every invalid field in details.errors', async () => {
    const r = await api('/api/auth/local/register', {
      body: { username: 'a', email: 'not-an-email', password: 'short' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.name).toBe('ValidationError');
    const paths = r.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['username', 'email', 'password']));
  });

  it('refuses a body that is not JSON with a 400, not a 500', async () => {
    const r = await api('/api/auth/local/register', { body: '{"username":' });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/not valid JSON/);
  });

  it('never lets self-registration choose a role', async () => {
    const username = unique('role');
    const r = await api('/api/auth/local/register', {
      body: { username, email: `${username}@example.test`, password: 'long-enough-pw', role: 'admin' },
    });
    expect(r.status === 400 || r.body.user?.role?.type === 'student').toBe(true);
  });
});

describe('failed sign-in', () => {
  it('a wrong password and an unknown user get the same 400 answer', async () => {
    const s = await registerStudent();
    const wrong = await api('/api/auth/local', { body: { identifier: s.username, password: 'not-the-password' } });
    const unknown = await api('/api/auth/local', {
      body: { identifier: unique('nobody'), password: 'not-the-password' },
    });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.message).toBe('Invalid identifier or password');
  });

  it('after ten failures the identifier is throttled with 429 and Retry-After, even with the right password', async () => {
    const s = await registerStudent();
    for (let i = 0; i < 10; i++) {
      expect((await api('/api/auth/local', { body: { identifier: s.username, password: `wrong-${i}` } })).status).toBe(
        400,
      );
    }
    const r = await api('/api/auth/local', { body: { identifier: s.username, password: s.password } });
    expect(r.status).toBe(429);
    expect(r.body.error.name).toBe('RateLimitError');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('refresh and logout', () => {
  it('rotates the refresh token and issues a working JWT', async () => {
    const s = await registerStudent();
    const r = await api('/api/auth/refresh', { body: { refreshToken: s.refreshToken } });
    expect(r.status).toBe(200);
    expect(r.body.refreshToken).not.toBe(s.refreshToken);
    expect((await api('/api/users/me', { token: r.body.jwt })).body.username).toBe(s.username);
  });

  it('a reused refresh token is refused and revokes the whole family', async () => {
    const s = await registerStudent();
    const first = await api('/api/auth/refresh', { body: { refreshToken: s.refreshToken } });
    expect(first.status).toBe(200);
    const replay = await api('/api/auth/refresh', { body: { refreshToken: s.refreshToken } });
    expect(replay.status).toBe(401);
    // The legitimate newer token died with the family.
    const next = await api('/api/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(next.status).toBe(401);
  });

  it('logout ends the session: its refresh token no longer works', async () => {
    const s = await registerStudent();
    const out = await api('/api/auth/logout', { body: { refreshToken: s.refreshToken } });
    expect(out.status).toBe(204);
    expect((await api('/api/auth/refresh', { body: { refreshToken: s.refreshToken } })).status).toBe(401);
  });

  it('refuses a made-up refresh token', async () => {
    const r = await api('/api/auth/refresh', { body: { refreshToken: 'x'.repeat(43) } });
    expect(r.status).toBe(401);
  });
});

describe('tampered access tokens', () => {
  const secret = () => new TextEncoder().encode(inject('jwtSecret'));
  const claims = async () => {
    const me = (await api('/api/users/me', { token: await tokenFor('ali') })).body;
    // Every claim our tokens carry, so each test below is refused for its own reason only.
    return { sub: String(me.id), payload: { ver: 0, doc: me.documentId, role: me.role.type } };
  };

  async function expect401(token: string) {
    const r = await api('/api/users/me', { token });
    expect(r.status).toBe(401);
    expect(r.body.error.name).toBe('UnauthorizedError');
  }

  it('refuses alg none', async () => {
    const c = await claims();
    await expect401(
      new UnsecuredJWT(c.payload)
        .setSubject(c.sub)
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .encode(),
    );
  });

  it('refuses a token signed with the wrong key', async () => {
    const c = await claims();
    await expect401(
      await new SignJWT(c.payload)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(c.sub)
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('x'.repeat(48))),
    );
  });

  it('refuses an expired token', async () => {
    const c = await claims();
    const past = Math.floor(Date.now() / 1000) - 7200;
    await expect401(
      await new SignJWT(c.payload)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(c.sub)
        .setIssuer(JWT_ISSUER)
        .setAudience(JWT_AUDIENCE)
        .setIssuedAt(past)
        .setExpirationTime(past + 900)
        .sign(secret()),
    );
  });

  it('refuses a token for the wrong audience', async () => {
    const c = await claims();
    await expect401(
      await new SignJWT(c.payload)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(c.sub)
        .setIssuer(JWT_ISSUER)
        .setAudience('another-app')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(secret()),
    );
  });

  it('accepts a correctly signed token (the tests above fail for the right reason)', async () => {
    const c = await claims();
    const token = await new SignJWT(c.payload)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(c.sub)
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(secret());
    expect((await api('/api/users/me', { token })).status).toBe(200);
  });

  it('refuses a malformed Authorization header', async () => {
    expect((await api('/api/users/me', { headers: { authorization: 'Token abc' } })).status).toBe(401);
  });
});

describe('blocked users', () => {
  it('cannot sign in, refresh, or use a token issued before the block', async () => {
    const s = await registerStudent();
    const admin = await tokenFor('admin');
    const blocked = await api(`/api/users/${s.user.id}`, { method: 'PUT', token: admin, body: { blocked: true } });
    expect(blocked.status).toBe(200);
    expect(blocked.body.blocked).toBe(true);
    expect((await api('/api/users/me', { token: s.jwt })).status).toBe(401);
    expect((await api('/api/auth/refresh', { body: { refreshToken: s.refreshToken } })).status).toBe(401);
    const login = await api('/api/auth/local', { body: { identifier: s.username, password: s.password } });
    expect(login.status).toBe(400);
    expect(login.body.error.message).toMatch(/blocked/);
  });

  it('every demo login works', async () => {
    for (const username of ['admin', 'teacher.amina', 'parent.fatima', 'zaid', 'maryam', 'ali']) {
      const r = await api('/api/auth/local', { body: { identifier: username, password: DEMO_PASSWORD } });
      expect(r.status, username).toBe(200);
    }
  });
});
