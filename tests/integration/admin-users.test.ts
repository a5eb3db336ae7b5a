import { describe, expect, it } from 'vitest';
import { api, registerStudent, tokenFor, unique } from '../support/api';
import { createAccount } from '../support/stats-fixtures';

const admin = () => tokenFor('admin');
const signIn = (identifier: string, password: string) => api('/api/auth/local', { body: { identifier, password } });

describe('searching accounts', () => {
  it('finds by name, username or e-mail, by role and blocked state, a page at a time with the total', async () => {
    const token = await admin();
    const family = unique('Qureshi');
    const made: any[] = [];
    for (const name of ['Ahmad', 'Bilal', 'Hamza']) {
      const r = await api('/api/admin/users', {
        token,
        body: { username: unique(name.toLowerCase()), password: 'long-enough-pw', fullName: `${name} ${family}` },
      });
      expect(r.status).toBe(201);
      made.push(r.body.data);
    }
    await api(`/api/admin/users/${made[1].documentId}/blocked`, {
      method: 'PUT',
      token,
      body: { data: { blocked: true } },
    });

    const page1 = await api(`/api/admin/users?q=${family}&pageSize=2`, { token });
    expect(page1.status).toBe(200);
    expect(page1.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    expect(page1.body.data.map((u: any) => u.documentId)).toEqual([made[0].documentId, made[1].documentId]);
    const page2 = await api(`/api/admin/users?q=${family}&pageSize=2&page=2`, { token });
    expect(page2.body.data.map((u: any) => u.documentId)).toEqual([made[2].documentId]);
    expect((await api(`/api/admin/users?q=${family}&page=5`, { token })).body.meta.pagination.total).toBe(3);

    const blocked = await api(`/api/admin/users?q=${family}&blocked=true`, { token });
    expect(blocked.body.data.map((u: any) => u.documentId)).toEqual([made[1].documentId]);
    expect((await api(`/api/admin/users?q=${family}&role=teacher`, { token })).body.meta.pagination.total).toBe(0);
    expect((await api(`/api/admin/users?q=${made[2].username.toUpperCase()}`, { token })).body.data[0].documentId).toBe(
      made[2].documentId,
    );
    expect((await api('/api/admin/users?q=amina@attaqwa', { token })).body.data[0].username).toBe('teacher.amina');
    const newest = await api(`/api/admin/users?q=${family}&sort=createdAt:desc`, { token });
    expect(newest.body.data[0].documentId).toBe(made[2].documentId);
    // A wildcard typed by an admin is a letter.
    expect((await api('/api/admin/users?q=%25', { token })).body.meta.pagination.total).toBe(0);
  });

  it('refuses unknown parameters and values', async () => {
    const token = await admin();
    for (const query of ['role=owner', 'blocked=maybe', 'pageSize=500', 'page=0', 'sort=password', 'limit=5']) {
      expect((await api(`/api/admin/users?${query}`, { token })).status, query).toBe(400);
    }
  });

  it('is for admins only', async () => {
    for (const user of ['teacher.amina', 'parent.fatima', 'maryam']) {
      const token = await tokenFor(user);
      expect((await api('/api/admin/users', { token })).status, user).toBe(403);
      expect(
        (await api('/api/admin/users', { token, body: { username: unique('x'), password: 'long-enough-pw' } })).status,
      ).toBe(403);
    }
    expect((await api('/api/admin/users')).status).toBe(401);
  });
});

describe('creating accounts and changing them', () => {
  it('creates a child without e-mail, linked to a parent, shown with the family', async () => {
    const token = await admin();
    const parent = await createAccount({ role: 'parent' });
    const username = unique('kid');
    const r = await api('/api/admin/users', {
      token,
      body: {
        username,
        password: 'kid-password-1',
        fullName: 'Little Scholar',
        ageTier: 'children',
        parent: parent.documentId,
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ username, email: null, role: { type: 'student' }, mustChangePassword: false });
    const detail = await api(`/api/admin/users/${r.body.data.documentId}`, { token });
    expect(detail.body.data.parents.map((p: any) => p.documentId)).toEqual([parent.documentId]);
    const ofParent = await api(`/api/admin/users/${parent.documentId}`, { token });
    expect(ofParent.body.data.children.map((c: any) => c.username)).toEqual([username]);
    const code = await api('/api/pairing-codes', { token, body: { data: { child: r.body.data.documentId } } });
    expect((await api(`/api/admin/users/${r.body.data.documentId}`, { token })).body.data.pairingCodes).toMatchObject([
      { documentId: code.body.data.documentId },
    ]);
    expect((await signIn(username, 'kid-password-1')).status).toBe(200);
  });

  it('changes a role: the old tokens stop working and the new role applies', async () => {
    const token = await admin();
    const s = await registerStudent();
    const r = await api(`/api/admin/users/${s.user.documentId}/role`, {
      method: 'PUT',
      token,
      body: { data: { role: 'teacher' } },
    });
    expect(r.status).toBe(200);
    expect(r.body.data.role.type).toBe('teacher');
    expect((await api('/api/users/me', { token: s.jwt })).status).toBe(401);
    const again = await signIn(s.username, s.password);
    expect(again.body.user.role.type).toBe('teacher');
  });

  it('blocks and unblocks', async () => {
    const token = await admin();
    const s = await registerStudent();
    const path = `/api/admin/users/${s.user.documentId}/blocked`;
    expect((await api(path, { method: 'PUT', token, body: { data: { blocked: true } } })).body.data.blocked).toBe(true);
    expect((await api('/api/users/me', { token: s.jwt })).status).toBe(401);
    expect((await signIn(s.username, s.password)).status).toBe(400);
    expect((await api(path, { method: 'PUT', token, body: { data: { blocked: false } } })).body.data.blocked).toBe(
      false,
    );
    expect((await signIn(s.username, s.password)).status).toBe(200);
  });

  it('refuses bad bodies, and an admin changing their own role or blocking themself', async () => {
    const token = await admin();
    const s = await registerStudent();
    const base = `/api/admin/users/${s.user.documentId}`;
    expect((await api(`${base}/role`, { method: 'PUT', token, body: { data: { role: 'owner' } } })).status).toBe(400);
    expect((await api(`${base}/role`, { method: 'PUT', token, body: { role: 'teacher' } })).status).toBe(400);
    expect((await api(`${base}/blocked`, { method: 'PUT', token, body: { data: { blocked: 'yes' } } })).status).toBe(
      400,
    );
    expect((await api('/api/admin/users', { token, body: { username: 'x', password: 'short' } })).status).toBe(400);
    expect((await api('/api/admin/users/nobody000000000000000000', { token })).status).toBe(404);
    const me = (await api('/api/users/me', { token })).body;
    const self = await api(`/api/admin/users/${me.documentId}/role`, {
      method: 'PUT',
      token,
      body: { data: { role: 'student' } },
    });
    expect(self.status).toBe(400);
    expect(
      (
        await api(`/api/admin/users/${me.documentId}/blocked`, {
          method: 'PUT',
          token,
          body: { data: { blocked: true } },
        })
      ).status,
    ).toBe(400);
    expect((await api('/api/users/me', { token })).body.role.type).toBe('admin');
  });

  it('a teacher or parent may not change roles, block, reset or delete', async () => {
    const s = await registerStudent();
    const base = `/api/admin/users/${s.user.documentId}`;
    for (const user of ['teacher.amina', 'parent.fatima']) {
      const token = await tokenFor(user);
      expect((await api(`${base}/role`, { method: 'PUT', token, body: { data: { role: 'admin' } } })).status).toBe(403);
      expect((await api(`${base}/blocked`, { method: 'PUT', token, body: { data: { blocked: true } } })).status).toBe(
        403,
      );
      expect((await api(`${base}/password-reset`, { method: 'POST', token, body: { data: {} } })).status).toBe(403);
      expect((await api(base, { method: 'DELETE', token })).status).toBe(403);
      expect((await api(base, { token })).status).toBe(403);
    }
    expect((await signIn(s.username, s.password)).status).toBe(200);
  });
});

describe('resetting a password: the user chooses a new one at the next sign-in', () => {
  it('signing in with the temporary password answers 403 PasswordChangeRequiredError with a one-time code', async () => {
    const token = await admin();
    const s = await registerStudent();
    const reset = await api(`/api/admin/users/${s.user.documentId}/password-reset`, {
      method: 'POST',
      token,
      body: { data: {} },
    });
    expect(reset.status).toBe(200);
    const temporary = reset.body.data.temporaryPassword;
    expect(temporary).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(reset.body.data.user.mustChangePassword).toBe(true);
    // Sessions and tokens issued before the reset are over.
    expect((await api('/api/users/me', { token: s.jwt })).status).toBe(401);
    expect((await api('/api/auth/refresh', { body: { refreshToken: s.refreshToken } })).status).toBe(401);
    expect((await signIn(s.username, s.password)).status).toBe(400);

    const held = await signIn(s.username, temporary);
    expect(held.status).toBe(403);
    expect(held.body.error.name).toBe('PasswordChangeRequiredError');
    expect(held.body.jwt).toBeUndefined();
    const { code, expiresIn } = held.body.error.details;
    expect(expiresIn).toBe(600);
    // The code is no access token.
    expect((await api('/api/users/me', { token: code })).status).toBe(401);

    const same = await api('/api/auth/reset-password', { body: { code, password: temporary } });
    expect(same.status).toBe(400);
    expect(same.body.error.details.errors[0].path).toEqual(['password']);
    const mismatch = await api('/api/auth/reset-password', {
      body: { code, password: 'my-own-password-1', passwordConfirmation: 'my-own-password-2' },
    });
    expect(mismatch.status).toBe(400);

    const chosen = await api('/api/auth/reset-password', {
      body: { code, password: 'my-own-password-1', passwordConfirmation: 'my-own-password-1' },
    });
    expect(chosen.status).toBe(200);
    expect(chosen.body.user.username).toBe(s.username);
    expect((await api('/api/users/me', { token: chosen.body.jwt })).status).toBe(200);
    // Once only.
    expect((await api('/api/auth/reset-password', { body: { code, password: 'another-password-9' } })).status).toBe(
      400,
    );
    expect((await signIn(s.username, temporary)).status).toBe(400);
    expect((await signIn(s.username, 'my-own-password-1')).status).toBe(200);
    const detail = await api(`/api/admin/users/${s.user.documentId}`, { token });
    expect(detail.body.data.mustChangePassword).toBe(false);
  });

  it('an admin may set the temporary password, e.g. for a child reading it from paper', async () => {
    const token = await admin();
    const kid = await createAccount();
    const reset = await api(`/api/admin/users/${kid.documentId}/password-reset`, {
      method: 'POST',
      token,
      body: { data: { temporaryPassword: 'bismillah-123' } },
    });
    expect(reset.body.data.temporaryPassword).toBe('bismillah-123');
    expect((await signIn(kid.username, 'bismillah-123')).body.error.name).toBe('PasswordChangeRequiredError');
  });

  it('an account created with mustChangePassword asks for a new password at its first sign-in', async () => {
    const username = unique('newteacher');
    const r = await api('/api/admin/users', {
      token: await admin(),
      body: {
        username,
        email: `${username}@example.test`,
        password: 'first-day-pass',
        role: 'teacher',
        mustChangePassword: true,
      },
    });
    expect(r.body.data.mustChangePassword).toBe(true);
    expect((await signIn(username, 'first-day-pass')).status).toBe(403);
  });

  it('refuses a forged, foreign or malformed code, and a too-short temporary password', async () => {
    expect(
      (await api('/api/auth/reset-password', { body: { code: 'x'.repeat(40), password: 'long-enough-1' } })).status,
    ).toBe(400);
    const access = await tokenFor('maryam');
    expect((await api('/api/auth/reset-password', { body: { code: access, password: 'long-enough-1' } })).status).toBe(
      400,
    );
    expect((await api('/api/auth/reset-password', { body: { password: 'long-enough-1' } })).status).toBe(400);
    const s = await registerStudent();
    const short = await api(`/api/admin/users/${s.user.documentId}/password-reset`, {
      method: 'POST',
      token: await admin(),
      body: { data: { temporaryPassword: 'abc' } },
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details.errors[0].path).toEqual(['data', 'temporaryPassword']);
  });

  it('an admin does not reset their own password this way', async () => {
    const token = await admin();
    const me = (await api('/api/users/me', { token })).body;
    expect(
      (await api(`/api/admin/users/${me.documentId}/password-reset`, { method: 'POST', token, body: { data: {} } }))
        .status,
    ).toBe(400);
  });
});

describe('deleting accounts', () => {
  it('an admin deletes an account; it can no longer sign in', async () => {
    const token = await admin();
    const s = await registerStudent();
    expect((await api(`/api/admin/users/${s.user.documentId}`, { method: 'DELETE', token })).status).toBe(204);
    expect((await signIn(s.username, s.password)).status).toBe(400);
    expect((await api(`/api/admin/users/${s.user.documentId}`, { method: 'DELETE', token })).status).toBe(404);
  });
});
