import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { api, baseUrl, tokenFor, unique } from '../support/api';
import { png1x1, webm } from '../support/media-fixtures';
import { createAccount, withDatabase } from '../support/stats-fixtures';
import { onOneConnection } from '../support/keep-alive';

const plan = (overrides: Record<string, unknown> = {}) => ({
  data: {
    direction: 'reverse',
    start: 'An-Nas',
    newAmount: 3,
    newUnit: 'ayahs',
    sabqiDays: 7,
    manzilAmount: 1,
    manzilUnit: 'juz',
    ...overrides,
  },
});

/** A child with a parent, whose hifz plan names teacher.amina. */
async function aminasHifzStudent() {
  const parent = await createAccount({ role: 'parent' });
  const child = await createAccount({ role: 'student', parent: parent.documentId });
  const set = await api(`/api/hifz/plans/${child.documentId}`, {
    method: 'PUT',
    token: await tokenFor('teacher.amina'),
    body: plan(),
  });
  expect(set.status).toBe(201);
  return { parent, child };
}

const sitting = (student: string, checks: unknown[], extra: Record<string, unknown> = {}) => ({
  data: {
    clientId: randomUUID(),
    student,
    heldOn: '2026-11-20',
    recordedAt: '2026-11-20T16:05:00+03:00',
    checks,
    ...extra,
  },
});

const mistake = (at: string, type = 'forgotten_word') => ({ clientId: randomUUID(), at, type });

describe('hifz plans', () => {
  it('the teacher who sets a plan hears the student; the student, their parent and admins read it', async () => {
    const { parent, child } = await aminasHifzStudent();
    for (const token of [await tokenFor('teacher.amina'), child.jwt, parent.jwt, await tokenFor('admin')]) {
      const read = await api(`/api/hifz/plans/${child.documentId}`, { token });
      expect(read.status).toBe(200);
      expect(read.body.data).toMatchObject({
        direction: 'reverse',
        start: { label: '114:1', from: 6231 },
        teacher: { username: 'teacher.amina' },
        student: { documentId: child.documentId },
      });
    }
  });

  it('another teacher neither reads the student nor takes them over; a parent and a student cannot set plans', async () => {
    const { parent, child } = await aminasHifzStudent();
    const yusuf = await tokenFor('teacher.yusuf');
    expect((await api(`/api/hifz/plans/${child.documentId}`, { token: yusuf })).status).toBe(404);
    const takeover = await api(`/api/hifz/plans/${child.documentId}`, { method: 'PUT', token: yusuf, body: plan() });
    expect(takeover.status).toBe(403);
    for (const token of [parent.jwt, child.jwt])
      expect((await api(`/api/hifz/plans/${child.documentId}`, { method: 'PUT', token, body: plan() })).status).toBe(
        403,
      );
    const stranger = await createAccount({ role: 'parent' });
    expect((await api(`/api/hifz/plans/${child.documentId}`, { token: stranger.jwt })).status).toBe(404);
  });

  it('refuses a start that does not exist, naming the field, and an unknown field', async () => {
    const child = await createAccount();
    const token = await tokenFor('teacher.amina');
    const wrong = await api(`/api/hifz/plans/${child.documentId}`, {
      method: 'PUT',
      token,
      body: plan({ start: '115:1' }),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/Surah 115 does not exist/);
    expect(wrong.body.error.details.errors[0].path[0]).toBe('start');
    const extra = await api(`/api/hifz/plans/${child.documentId}`, {
      method: 'PUT',
      token,
      body: plan({ colour: 'red' }),
    });
    expect(extra.status).toBe(400);
  });
});

describe('a student without a plan', () => {
  it('reads today as nothing to do (200, data null), for the student and the parent; a stranger gets 404', async () => {
    const parent = await createAccount({ role: 'parent' });
    const child = await createAccount({ role: 'student', parent: parent.documentId });
    for (const who of [child, parent]) {
      const today = await api(`/api/hifz/students/${child.documentId}/today`, { token: who.jwt });
      expect(today.status).toBe(200);
      expect(today.body.data).toBeNull();
    }
    const stranger = await createAccount({ role: 'parent' });
    const refused = await api(`/api/hifz/students/${child.documentId}/today`, { token: stranger.jwt });
    expect(refused.status).toBe(404);
  });
});

describe('the daily sitting', () => {
  it('proposes today’s sabaq from the plan, records a sitting with mistakes once, and the parent sees it', async () => {
    const { parent, child } = await aminasHifzStudent();
    const amina = await tokenFor('teacher.amina');
    const today = await api(`/api/hifz/students/${child.documentId}/today?day=2026-11-20`, { token: amina });
    expect(today.status).toBe(200);
    expect(today.body.data.sabaq).toEqual({ range: { from: 6231, to: 6233, label: '114:1-3' }, repeat: false });

    const body = sitting(
      child.documentId,
      [
        {
          clientId: randomUUID(),
          kind: 'sabaq',
          range: '114',
          grade: 'good',
          mistakes: [mistake('114:2:1'), mistake('114:4:2', 'tajweed'), mistake('114:6', 'hesitation')],
        },
      ],
      { recordedOffline: true },
    );
    const first = await api('/api/hifz/sessions', { token: amina, body });
    expect(first.status).toBe(201);
    expect(first.body.data.status).toBe('created');
    expect(first.body.data.session).toMatchObject({ recordedOffline: true, heldOn: '2026-11-20' });
    expect(first.body.data.session.checks[0].mistakes.map((m: { at: string }) => m.at)).toEqual([
      '114:2:1',
      '114:4:2',
      '114:6',
    ]);
    expect(first.body.data.milestones).toEqual([
      { kind: 'surah', number: 114, reachedOn: '2026-11-20', label: 'Surah An-Nas' },
    ]);

    const again = await api('/api/hifz/sessions', { token: amina, body });
    expect(again.status).toBe(200);
    expect(again.body.data.status).toBe('duplicate');
    expect(again.body.data.session.documentId).toBe(first.body.data.session.documentId);

    const week = await api(`/api/hifz/students/${child.documentId}/week?day=2026-11-22`, { token: parent.jwt });
    expect(week.status).toBe(200);
    expect(week.body.data).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-22',
      daysPresent: 1,
      newAyahs: 6,
      mistakesByType: { forgotten_word: 1, tajweed: 1, hesitation: 1, wrong_word: 0 },
    });
    const sittings = await api(`/api/hifz/students/${child.documentId}/sittings`, { token: parent.jwt });
    expect(sittings.body.data).toHaveLength(1);
    expect(sittings.body.data[0].checks[0].mistakes).toHaveLength(3);

    const progress = await api(`/api/hifz/students/${child.documentId}/progress?day=2026-11-22`, { token: child.jwt });
    expect(progress.body.data).toMatchObject({ memorisedAyahs: 6, memorisedJuz: 0 });
    const cell = progress.body.data.cells.find((c: { surah: number }) => c.surah === 114);
    expect(cell).toMatchObject({ memorised: 6, juz: 30 });
    expect(progress.body.data.milestones.map((m: { label: string }) => m.label)).toEqual(['Surah An-Nas']);

    const next = await api(`/api/hifz/students/${child.documentId}/today?day=2026-11-21`, { token: child.jwt });
    expect(next.body.data.sabaq.range.label).toBe('113:1-3');
    expect(next.body.data.sabqi.map((r: { label: string }) => r.label)).toEqual(['114']);
  });

  it('refuses a mistake outside the range heard or on a word that does not exist, naming the field', async () => {
    const { child } = await aminasHifzStudent();
    const amina = await tokenFor('teacher.amina');
    const check = (mistakes: unknown[]) => ({
      clientId: randomUUID(),
      kind: 'sabaq',
      range: '114:1-3',
      grade: 'good',
      mistakes,
    });
    const outside = await api('/api/hifz/sessions', {
      token: amina,
      body: sitting(child.documentId, [check([mistake('114:5:1')])]),
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details.errors[0].path).toEqual(['checks', 0, 'mistakes', 0]);
    const noWord = await api('/api/hifz/sessions', {
      token: amina,
      body: sitting(child.documentId, [check([mistake('114:1:40')])]),
    });
    expect(noWord.status).toBe(400);
    expect(noWord.body.error.message).toMatch(/114:1 has \d+ words/);
    const badDay = await api('/api/hifz/sessions', {
      token: amina,
      body: sitting(child.documentId, [], { heldOn: '2026-02-30' }),
    });
    expect(badDay.status).toBe(400);
  });

  it('only the student’s teacher or an admin records a sitting', async () => {
    const { parent, child } = await aminasHifzStudent();
    const body = () => sitting(child.documentId, []);
    expect((await api('/api/hifz/sessions', { token: await tokenFor('teacher.yusuf'), body: body() })).status).toBe(
      404,
    );
    expect((await api('/api/hifz/sessions', { token: parent.jwt, body: body() })).status).toBe(403);
    expect((await api('/api/hifz/sessions', { token: child.jwt, body: body() })).status).toBe(403);
    expect((await api('/api/hifz/sessions', { token: await tokenFor('admin'), body: body() })).status).toBe(201);
  });

  it('a milestone earns the badge whose criteria name it, and leaves xAPI statements with the range as object', async () => {
    const title = unique('Juz Amma ');
    const admin = await tokenFor('admin');
    const badge = await api('/api/achievements', {
      token: admin,
      body: {
        data: {
          title,
          category: 'hifz_surah',
          criteria: { type: 'hifz_surah', surah: 112 },
          points: 30,
        },
      },
    });
    expect(badge.status).toBe(201);
    const child = await createAccount();
    await api(`/api/hifz/plans/${child.documentId}`, {
      method: 'PUT',
      token: await tokenFor('teacher.amina'),
      body: plan({ start: '112:1', newAmount: 4 }),
    });
    const check = { clientId: randomUUID(), kind: 'sabaq', range: '112:1-4', grade: 'excellent', mistakes: [] };
    const recorded = await api('/api/hifz/sessions', {
      token: await tokenFor('teacher.amina'),
      body: sitting(child.documentId, [check]),
    });
    expect(recorded.body.data.milestones.map((m: { label: string }) => m.label)).toContain('Surah Al-Ikhlas');
    const earned = await api('/api/user-achievements?populate=achievement', { token: child.jwt });
    expect(earned.body.data.map((a: { achievement: { title: string } }) => a.achievement.title)).toContain(title);
    const statements = await withDatabase((db) =>
      db.execute<{ verb: string; activity: string }>(
        sql`SELECT verb, activity FROM xapi_statements WHERE user_id = (SELECT id FROM users WHERE document_id = ${child.documentId}) ORDER BY verb`,
      ),
    );
    const activities = statements.rows.map(
      (r) => `${r.verb.split('/').at(-1)} ${r.activity.split('/xapi/activities/')[1]}`,
    );
    expect(activities).toContain('passed quran/112');
    expect(activities).toContain('completed hifz-milestones/surah-112');
    expect(activities).toContain('earned badges/' + badge.body.data.documentId);
  });
});

describe('the class view', () => {
  it('lists the teacher’s students: who was heard this week, who is behind plan, today’s sabaq', async () => {
    const heard = await aminasHifzStudent();
    const idle = await aminasHifzStudent();
    const amina = await tokenFor('teacher.amina');
    await api('/api/hifz/sessions', {
      token: amina,
      body: sitting(heard.child.documentId, [
        { clientId: randomUUID(), kind: 'sabaq', range: '114:1-3', grade: 'good', mistakes: [] },
      ]),
    });
    await withDatabase((db) =>
      db.execute(
        sql`UPDATE hifz_plans SET created_at = '2026-11-01T12:00:00Z' WHERE student_id = (SELECT id FROM users WHERE document_id = ${idle.child.documentId})`,
      ),
    );
    const view = await api('/api/hifz/class?day=2026-11-22', { token: amina });
    expect(view.status).toBe(200);
    const row = (doc: string) =>
      view.body.data.find((r: { student: { documentId: string } }) => r.student.documentId === doc);
    expect(row(heard.child.documentId)).toMatchObject({
      lastHeard: '2026-11-20',
      heardThisWeek: true,
      behindPlan: false,
      daysSinceSabaq: 2,
      sabaqToday: { label: '114:4-6' },
    });
    expect(row(idle.child.documentId)).toMatchObject({ lastHeard: null, heardThisWeek: false, behindPlan: true });
    const yusuf = await api('/api/hifz/class', { token: await tokenFor('teacher.yusuf') });
    expect(yusuf.body.data.map((r: { student: { documentId: string } }) => r.student.documentId)).not.toContain(
      heard.child.documentId,
    );
    expect((await api('/api/hifz/class', { token: heard.parent.jwt })).status).toBe(403);
  });
});

async function putPart(token: string, documentId: string, part: number, bytes: Uint8Array<ArrayBuffer>) {
  const response = await fetch(`${baseUrl()}/api/hifz/recitations/${documentId}/parts/${part}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as { error: { message: string } } };
}

describe('recitations recorded at home', () => {
  const PART = 5 * 1024 * 1024;
  const recording = () => {
    const bytes = new Uint8Array(PART + 1000);
    bytes.set(webm());
    return bytes;
  };

  it('upload in parts once, are heard and graded word by word by the teacher, and the parent sees the marks', async () => {
    const { parent, child } = await aminasHifzStudent();
    const audio = recording();
    const start = {
      data: {
        clientId: randomUUID(),
        kind: 'sabaq',
        range: '114:1-6',
        mime: 'audio/webm;codecs=opus',
        size: audio.length,
        durationMs: 42_000,
        recordedAt: '2026-11-21T18:00:00Z',
      },
    };
    const started = await api('/api/hifz/recitations', { token: child.jwt, body: start });
    expect(started.status).toBe(201);
    const id = started.body.data.documentId;
    expect(started.body.data.upload).toEqual({ partBytes: PART, parts: 2, received: [] });

    expect((await putPart(child.jwt, id, 2, audio.subarray(PART))).status).toBe(200);
    const resent = await api('/api/hifz/recitations', { token: child.jwt, body: start });
    expect(resent.body.data).toMatchObject({ documentId: id, upload: { received: [2] } });
    const early = await api(`/api/hifz/recitations/${id}/complete`, { method: 'POST', token: child.jwt });
    expect(early.status).toBe(409);
    expect(early.body.error.details.missingParts).toEqual([1]);
    // The app sends `{}`: the body is read, so the connection serves the next request (quiz-attempts.test.ts).
    const again = [
      { method: 'POST', path: `/api/hifz/recitations/${id}/complete`, token: child.jwt, body: '{}' },
      { method: 'GET', path: '/_health' },
    ];
    expect(await onOneConnection(again)).toEqual(['409', '204']);
    expect((await putPart(child.jwt, id, 1, audio.subarray(0, 100))).status).toBe(400);
    expect((await putPart(child.jwt, id, 1, audio.subarray(0, PART))).status).toBe(200);
    const done = await api(`/api/hifz/recitations/${id}/complete`, { method: 'POST', token: child.jwt });
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({ status: 'submitted', mime: 'audio/webm', upload: null });

    const amina = await tokenFor('teacher.amina');
    const queue = await api('/api/hifz/recitations?status=submitted', { token: amina });
    const listed = queue.body.data.find((r: { documentId: string }) => r.documentId === id);
    expect(listed.audioUrl).toMatch(/\/api\/hifz\/recitations\/.+\/audio\?token=/);
    const audioFile = await fetch(listed.audioUrl, { headers: { range: 'bytes=0-9' } });
    expect(audioFile.status).toBe(206);
    expect(audioFile.headers.get('cache-control')).toBe('private, no-store');
    expect(audioFile.headers.get('content-type')).toBe('audio/webm');
    expect(new Uint8Array(await audioFile.arrayBuffer())).toEqual(audio.subarray(0, 10));
    expect((await fetch(`${baseUrl()}/api/hifz/recitations/${id}/audio`)).status).toBe(404);
    const otherTeacher = await api('/api/hifz/recitations?status=submitted', {
      token: await tokenFor('teacher.yusuf'),
    });
    expect(otherTeacher.body.data.map((r: { documentId: string }) => r.documentId)).not.toContain(id);

    const grade = {
      data: {
        grade: 'very_good',
        note: 'Mind the madd',
        mistakes: [mistake('114:3:1', 'wrong_word'), mistake('114:5:2', 'tajweed')],
      },
    };
    expect((await api(`/api/hifz/recitations/${id}/grade`, { token: child.jwt, body: grade })).status).toBe(403);
    const graded = await api(`/api/hifz/recitations/${id}/grade`, { token: amina, body: grade });
    expect(graded.status).toBe(200);
    expect(graded.body.data).toMatchObject({
      status: 'graded',
      grade: 'very_good',
      gradedBy: { username: 'teacher.amina' },
    });

    const seen = await api(`/api/hifz/recitations/${id}`, { token: parent.jwt });
    expect(seen.body.data.mistakes.map((m: { at: string; type: string }) => `${m.at} ${m.type}`)).toEqual([
      '114:3:1 wrong_word',
      '114:5:2 tajweed',
    ]);
    const stranger = await createAccount({ role: 'parent' });
    expect((await api(`/api/hifz/recitations/${id}`, { token: stranger.jwt })).status).toBe(404);
    expect((await api(`/api/hifz/recitations/${id}`, { method: 'DELETE', token: amina })).status).toBe(403);
    expect((await api(`/api/hifz/recitations/${id}`, { method: 'DELETE', token: parent.jwt })).status).toBe(204);
    expect((await fetch(listed.audioUrl)).status).toBe(404);
  });

  it('refuses a recording that is not audio, and a part of the wrong size', async () => {
    const child = await createAccount();
    const image = new Uint8Array(2000);
    image.set(png1x1());
    const started = await api('/api/hifz/recitations', {
      token: child.jwt,
      body: {
        data: {
          clientId: randomUUID(),
          range: 'Al-Ikhlas',
          mime: 'audio/webm',
          size: image.length,
          recordedAt: '2026-11-21T18:00:00Z',
        },
      },
    });
    expect(started.status).toBe(201);
    const refused = await putPart(child.jwt, started.body.data.documentId, 1, image);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/must be audio/);
    expect((await putPart(child.jwt, started.body.data.documentId, 1, image.subarray(1))).status).toBe(400);
    expect((await putPart(child.jwt, started.body.data.documentId, 2, image)).status).toBe(400);
  });
});
