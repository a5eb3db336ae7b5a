import { afterAll, describe, expect, it } from 'vitest';
import { api, baseUrl, registerStudent, tokenFor, unique } from '../support/api';
import * as fixture from '../support/media-fixtures';

// Runs after every other file (vitest.config.ts, project "exclusive"): closing registration would refuse
// the students other files register.

const admin = () => tokenFor('admin');
const put = async (key: string, data: unknown, token?: string) =>
  api(`/api/school-settings/${key}`, { method: 'PUT', token: token ?? (await admin()), body: { data } });

async function uploadImage(token: string, bytes: ReturnType<typeof fixture.png1x1>, name: string) {
  const form = new FormData();
  form.append('files', new Blob([bytes]), name);
  const r = await fetch(`${baseUrl()}/api/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as any[])[0];
}

afterAll(async () => {
  await put('registration', { open: true });
  await put('school', { name: 'Attaqwa Masjid School', logo: null, timeZone: 'UTC', defaultLanguage: 'en' });
});

describe('the school’s public profile', () => {
  it('anyone reads name, logo, language, time zone and whether registration is open, before signing in', async () => {
    const r = await api('/api/school-settings/public');
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({
      name: 'Attaqwa Masjid School',
      logoUrl: null,
      timeZone: 'UTC',
      defaultLanguage: 'en',
      registrationOpen: true,
      leaderboardsHidden: false,
    });
    expect(r.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('an admin sets the name, logo, language and time zone; fields not sent keep their value', async () => {
    const token = await admin();
    const logo = await uploadImage(token, fixture.png1x1(), 'logo.png');
    const set = await put('school', { name: 'مدرسة التقوى', logo: logo.documentId, defaultLanguage: 'ar' });
    expect(set.status).toBe(200);
    expect(set.body.data).toEqual({
      name: 'مدرسة التقوى',
      logo: logo.documentId,
      timeZone: 'UTC',
      defaultLanguage: 'ar',
    });
    expect((await put('school', { timeZone: 'Europe/London' })).body.data).toMatchObject({
      name: 'مدرسة التقوى',
      timeZone: 'Europe/London',
    });
    const publicView = (await api('/api/school-settings/public')).body.data;
    expect(publicView).toMatchObject({
      name: 'مدرسة التقوى',
      logoUrl: logo.url,
      defaultLanguage: 'ar',
      timeZone: 'Europe/London',
    });
    expect((await api('/api/school-settings', { token })).body.data.school.logo).toBe(logo.documentId);

    // A newly registered learner lives in the school's time zone until they say otherwise.
    const learner = await registerStudent();
    expect(learner.user.profile.timeZone).toBe('Europe/London');

    const log = await api('/api/activity-logs?entityType=schoolSettings&entity=school', { token });
    expect(log.body.data[0]).toMatchObject({
      action: 'update',
      changedFields: ['timeZone'],
      actor: { username: 'admin' },
    });
  });

  it('refuses a logo that is not an uploaded image, an unknown zone or language, and empty changes', async () => {
    const token = await admin();
    const pdf = await uploadImage(token, fixture.pdf(), 'rules.pdf');
    for (const [data, path] of [
      [{ logo: pdf.documentId }, ['data', 'logo']],
      [{ logo: 'nosuchfile000000000000000' }, ['data', 'logo']],
      [{ timeZone: 'Mars/Olympus' }, ['data', 'timeZone']],
      [{ defaultLanguage: 'fr' }, ['data', 'defaultLanguage']],
      [{ name: '   ' }, ['data', 'name']],
      [{ colour: 'green' }, ['data', 'colour']],
      [{}, ['data']],
    ] as const) {
      const r = await put('school', data);
      expect(r.status, JSON.stringify(data)).toBe(400);
      expect(r.body.error.details.errors[0].path, JSON.stringify(data)).toEqual(path);
    }
  });

  it('is changed by admins only', async () => {
    for (const user of ['teacher.amina', 'parent.fatima', 'zaid']) {
      expect((await put('school', { name: 'Taken over' }, await tokenFor(user))).status, user).toBe(403);
      expect((await put('registration', { open: false }, await tokenFor(user))).status, user).toBe(403);
    }
    expect((await api('/api/school-settings/school', { method: 'PUT', body: { data: { name: 'x' } } })).status).toBe(
      401,
    );
    expect((await api('/api/school-settings/public')).body.data.name).not.toBe('Taken over');
  });
});

describe('closing registration', () => {
  it('closed: registering is a 403 that says so; accounts still come from admins; open again: it works', async () => {
    const closed = await put('registration', { open: false });
    expect(closed.status).toBe(200);
    expect((await api('/api/school-settings/public')).body.data.registrationOpen).toBe(false);
    const username = unique('late');
    const refused = await api('/api/auth/local/register', {
      body: { username, email: `${username}@example.test`, password: 'long-enough-pw' },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      name: 'ForbiddenError',
      message: 'Registration is closed: ask the school for an account',
    });
    const byAdmin = await api('/api/admin/users', {
      token: await admin(),
      body: { username, password: 'long-enough-pw' },
    });
    expect(byAdmin.status).toBe(201);

    await put('registration', { open: true });
    expect((await registerStudent()).user.role.type).toBe('student');
    const log = await api('/api/activity-logs?entityType=schoolSettings&entity=registration&pageSize=2', {
      token: await admin(),
    });
    expect(log.body.data.map((e: any) => e.summary)).toEqual(['registration opened', 'registration closed']);
  });

  it('refuses a malformed switch', async () => {
    expect((await put('registration', { open: 'no' })).status).toBe(400);
    expect((await put('registration', { open: false, closedUntil: '2027-01-01' })).status).toBe(400);
  });
});
