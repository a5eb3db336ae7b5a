import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/seed/demo-users';
import { api, registerStudent, tokenFor, unique } from '../support/api';

const usernames = (body: { username: string }[]) => body.map((u) => u.username);

describe('listing users, per role', () => {
  it('an admin sees everyone, with e-mails', async () => {
    const r = await api('/api/users?limit=100', { token: await tokenFor('admin') });
    expect(r.status).toBe(200);
    expect(usernames(r.body)).toEqual(expect.arrayContaining(['admin', 'teacher.amina', 'parent.fatima', 'zaid']));
    expect(r.body.find((u: any) => u.username === 'teacher.amina').email).toBe('amina@attaqwa.test');
  });

  it('a teacher sees themself and students only, without the students’ e-mails', async () => {
    const r = await api('/api/users?limit=100', { token: await tokenFor('teacher.amina') });
    expect(r.status).toBe(200);
    const others = r.body.filter((u: any) => u.username !== 'teacher.amina');
    expect(others.length).toBe(r.body.length - 1);
    expect(others.every((u: any) => u.role.type === 'student')).toBe(true);
    expect(usernames(r.body)).toContain('maryam');
    expect(others.every((u: any) => u.email === null)).toBe(true);
  });

  it('a parent sees themself and their own children only', async () => {
    const token = await tokenFor('parent.fatima');
    const r = await api('/api/users?limit=100', { token });
    // Other tests add children to this parent while this one runs: compare with the parent's own links.
    const links = (await api('/api/guardian-links', { token })).body.data.map((l: any) => l.child.username);
    expect(usernames(r.body).sort()).toEqual(['parent.fatima', ...links].sort());
    expect(usernames(r.body)).toEqual(expect.arrayContaining(['maryam', 'zaid']));
    expect(usernames(r.body)).not.toContain('ali');
  });

  it('a student sees only themself', async () => {
    const r = await api('/api/users', { token: await tokenFor('ali') });
    expect(usernames(r.body)).toEqual(['ali']);
  });

  it('anonymous visitors are refused', async () => {
    expect((await api('/api/users')).status).toBe(401);
  });

  it('paging parameters are validated', async () => {
    const r = await api('/api/users?limit=100000', { token: await tokenFor('admin') });
    expect(r.status).toBe(400);
    expect(r.body.error.details.errors[0].path).toEqual(['limit']);
  });
});

describe('reading one user', () => {
  it('a parent reading a child that is not theirs gets 404, as if it did not exist', async () => {
    const other = await registerStudent();
    const r = await api(`/api/users/${other.user.id}`, { token: await tokenFor('parent.fatima') });
    expect(r.status).toBe(404);
  });

  it('a student cannot read another student, by id or documentId', async () => {
    const other = await registerStudent();
    const token = await tokenFor('ali');
    expect((await api(`/api/users/${other.user.id}`, { token })).status).toBe(404);
    expect((await api(`/api/users/${other.user.documentId}`, { token })).status).toBe(404);
  });

  it('a teacher reads a student but not an admin', async () => {
    const token = await tokenFor('teacher.yusuf');
    const all = (await api('/api/users?limit=100', { token: await tokenFor('admin') })).body;
    const zaid = all.find((u: any) => u.username === 'zaid');
    const admin = all.find((u: any) => u.username === 'admin');
    expect((await api(`/api/users/${zaid.documentId}`, { token })).status).toBe(200);
    expect((await api(`/api/users/${admin.id}`, { token })).status).toBe(404);
  });
});

describe('creating accounts', () => {
  it('a parent creates a child with a username and no e-mail; the child is linked and can sign in', async () => {
    const token = await tokenFor('parent.fatima');
    const username = unique('kid');
    const r = await api('/api/users', {
      token,
      body: {
        username,
        password: 'kid-password-1',
        fullName: 'Little One',
        dateOfBirth: '2019-01-05',
        ageTier: 'children',
      },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ username, email: null, role: { type: 'student' } });
    expect(usernames((await api('/api/users', { token })).body)).toContain(username);
    expect((await api('/api/auth/local', { body: { identifier: username, password: 'kid-password-1' } })).status).toBe(
      200,
    );
  });

  it('a parent may not create a teacher, nor link a child to another parent', async () => {
    const token = await tokenFor('parent.fatima');
    expect(
      (await api('/api/users', { token, body: { username: unique('t'), password: 'long-enough-pw', role: 'teacher' } }))
        .status,
    ).toBe(403);
  });

  it('a teacher creates a student account linked to a parent', async () => {
    const admin = await tokenFor('admin');
    const parent = (await api('/api/users?limit=100', { token: admin })).body.find(
      (u: any) => u.username === 'parent.fatima',
    );
    const username = unique('pupil');
    const r = await api('/api/users', {
      token: await tokenFor('teacher.amina'),
      body: { username, password: 'long-enough-pw', parent: parent.documentId },
    });
    expect(r.status).toBe(201);
    expect(usernames((await api('/api/users', { token: await tokenFor('parent.fatima') })).body)).toContain(username);
  });

  it('a teacher may not create an admin', async () => {
    const r = await api('/api/users', {
      token: await tokenFor('teacher.amina'),
      body: { username: unique('a'), password: 'long-enough-pw', role: 'admin' },
    });
    expect(r.status).toBe(403);
  });

  it('a student may not create accounts', async () => {
    const r = await api('/api/users', {
      token: await tokenFor('ali'),
      body: { username: unique('a'), password: 'long-enough-pw' },
    });
    expect(r.status).toBe(403);
  });

  it('an admin creates a teacher', async () => {
    const username = unique('teach');
    const r = await api('/api/users', {
      token: await tokenFor('admin'),
      body: { username, email: `${username}@example.test`, password: 'long-enough-pw', role: 'teacher' },
    });
    expect(r.status).toBe(201);
    expect(r.body.role.type).toBe('teacher');
  });
});

describe('updating and deleting users', () => {
  it('a user may change their own name but not their role or blocked flag', async () => {
    const s = await registerStudent();
    const ok = await api(`/api/users/${s.user.id}`, { method: 'PUT', token: s.jwt, body: { fullName: 'New Name' } });
    expect(ok.status).toBe(200);
    expect(ok.body.profile.fullName).toBe('New Name');
    const role = await api(`/api/users/${s.user.id}`, { method: 'PUT', token: s.jwt, body: { role: 'admin' } });
    expect(role.status).toBe(403);
    expect((await api('/api/users/me', { token: s.jwt })).body.role.type).toBe('student');
  });

  it('a student may not update another user', async () => {
    const victim = await registerStudent();
    const r = await api(`/api/users/${victim.user.id}`, {
      method: 'PUT',
      token: await tokenFor('ali'),
      body: { fullName: 'Hacked' },
    });
    expect(r.status).toBe(404);
  });

  it('a password change signs out old tokens', async () => {
    const s = await registerStudent();
    const r = await api(`/api/users/${s.user.id}`, {
      method: 'PUT',
      token: s.jwt,
      body: { password: 'a-brand-new-password', currentPassword: s.password },
    });
    expect(r.status).toBe(200);
    expect((await api('/api/users/me', { token: s.jwt })).status).toBe(401);
    expect(
      (await api('/api/auth/local', { body: { identifier: s.username, password: 'a-brand-new-password' } })).status,
    ).toBe(200);
  });

  it('unknown fields in an update are refused', async () => {
    const s = await registerStudent();
    const r = await api(`/api/users/${s.user.id}`, { method: 'PUT', token: s.jwt, body: { tokenVersion: 0 } });
    expect(r.status).toBe(400);
  });

  it('only an admin deletes users', async () => {
    const s = await registerStudent();
    expect(
      (await api(`/api/users/${s.user.id}`, { method: 'DELETE', token: await tokenFor('teacher.amina') })).status,
    ).toBe(403);
    expect((await api(`/api/users/${s.user.id}`, { method: 'DELETE', token: await tokenFor('admin') })).status).toBe(
      200,
    );
    expect((await api('/api/auth/local', { body: { identifier: s.username, password: s.password } })).status).toBe(400);
  });
});

describe('guardian links', () => {
  it('an admin links a parent to a student; the parent then sees the child; a student cannot link', async () => {
    const admin = await tokenFor('admin');
    const child = await registerStudent();
    const parentName = unique('p');
    const parent = await api('/api/users', {
      token: admin,
      body: { username: parentName, email: `${parentName}@example.test`, password: DEMO_PASSWORD, role: 'parent' },
    });
    expect(
      (
        await api('/api/guardian-links', {
          token: await tokenFor('ali'),
          body: { data: { parent: parent.body.id, child: child.user.id } },
        })
      ).status,
    ).toBe(403);
    const link = await api('/api/guardian-links', {
      token: admin,
      body: { data: { parent: parent.body.id, child: child.user.documentId } },
    });
    expect(link.status).toBe(201);
    expect(
      (
        await api('/api/guardian-links', {
          token: admin,
          body: { data: { parent: parent.body.id, child: child.user.id } },
        })
      ).status,
    ).toBe(409);
    const parentToken = (await api('/api/auth/local', { body: { identifier: parentName, password: DEMO_PASSWORD } }))
      .body.jwt;
    expect(usernames((await api('/api/users', { token: parentToken })).body)).toContain(child.username);
    expect(
      (await api(`/api/guardian-links/${parent.body.id}/${child.user.id}`, { method: 'DELETE', token: admin })).status,
    ).toBe(204);
    expect(usernames((await api('/api/users', { token: parentToken })).body)).not.toContain(child.username);
  });
});
