import { describe, expect, it } from 'vitest';
import { api, registerStudent, tokenFor, unique } from '../support/api';
import { openTestDatabase } from '../support/database-handle';
import { event, publishedCourse } from '../support/learning';

const progressOf = async (token: string, lesson: string) =>
  (await api(`/api/user-progresses?filters[lesson][documentId][$eq]=${lesson}`, { token })).body.data[0];
/** One progress event, as the app sends it. */
const sendEvent = (token: string, lesson: string, fields: Record<string, unknown> = {}) =>
  api('/api/user-progresses', { token, body: { data: event(lesson, fields) } });
const enrollmentOf = async (token: string, course: string) =>
  (await api(`/api/course-enrollments?filters[course][documentId][$eq]=${course}`, { token })).body.data[0];

describe('enrollments', () => {
  it('a student enrolls (201), enrolling again answers the same enrollment (200), dropping keeps it', async () => {
    const { course } = await publishedCourse();
    const s = await registerStudent();
    const first = await api('/api/course-enrollments?populate=course', {
      token: s.jwt,
      body: { data: { course: course.documentId } },
    });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({
      status: 'enrolled',
      progress: 0,
      course: { documentId: course.documentId },
    });
    const again = await api('/api/course-enrollments', { token: s.jwt, body: { data: { course: course.documentId } } });
    expect(again.status).toBe(200);
    expect(again.body.data.documentId).toBe(first.body.data.documentId);
    const dropped = await api(`/api/course-enrollments/${first.body.data.documentId}`, {
      method: 'PUT',
      token: s.jwt,
      body: { data: { status: 'dropped' } },
    });
    expect(dropped.body.data.status).toBe('dropped');
    const back = await api('/api/course-enrollments', { token: s.jwt, body: { data: { course: course.documentId } } });
    expect(back.body.data.status).toBe('enrolled');
  });

  it('missing prerequisites are a 409 that names them', async () => {
    const first = await publishedCourse({ lessonCount: 1 });
    const second = await publishedCourse({ prerequisites: [first.course.documentId] });
    const s = await registerStudent();
    const refused = await api('/api/course-enrollments', {
      token: s.jwt,
      body: { data: { course: second.course.documentId } },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(first.course.title);
    expect(refused.body.error.details.missingPrerequisites).toEqual([
      { documentId: first.course.documentId, title: first.course.title },
    ]);
    await sendEvent(s.jwt, first.lessons[0]!.documentId, { completed: true });
    expect(
      (await api('/api/course-enrollments', { token: s.jwt, body: { data: { course: second.course.documentId } } }))
        .status,
    ).toBe(201);
  });

  it('a draft course cannot be enrolled in; parents and teachers do not enroll', async () => {
    const draft = await api('/api/courses', {
      token: await tokenFor('teacher.amina'),
      body: { data: { title: unique('Draft '), category: 'fiqh' } },
    });
    const s = await registerStudent();
    expect(
      (await api('/api/course-enrollments', { token: s.jwt, body: { data: { course: draft.body.data.documentId } } }))
        .status,
    ).toBe(404);
    expect(
      (
        await api('/api/course-enrollments', {
          token: await tokenFor('parent.fatima'),
          body: { data: { course: draft.body.data.documentId } },
        })
      ).status,
    ).toBe(403);
    expect((await api('/api/course-enrollments', { token: s.jwt, body: { data: {} } })).status).toBe(400);
  });
});

describe('progress events', () => {
  it('a replayed event is counted once', async () => {
    const { lessons } = await publishedCourse();
    const s = await registerStudent();
    const e = event(lessons[0]!.documentId, { progress: 40, timeSpent: 120 });
    const first = await api('/api/user-progresses', { token: s.jwt, body: { data: e } });
    expect(first.status).toBe(201);
    expect(first.body.meta.status).toBe('applied');
    const replay = await api('/api/user-progresses', { token: s.jwt, body: { data: e } });
    expect(replay.status).toBe(200);
    expect(replay.body.meta.status).toBe('duplicate');
    expect((await progressOf(s.jwt, lessons[0]!.documentId)).timeSpent).toBe(120);
  });

  it('out-of-order events merge: max progress, sticky completion, summed time, latest access', async () => {
    const { lessons } = await publishedCourse();
    const s = await registerStudent();
    const lesson = lessons[0]!.documentId;
    const batch = [
      event(lesson, { progress: 100, completed: true, timeSpent: 30, occurredAt: '2026-11-20T10:00:00Z' }),
      event(lesson, { progress: 20, completed: false, timeSpent: 10, occurredAt: '2026-11-18T10:00:00Z' }),
      event(lesson, { progress: 60, completed: false, timeSpent: 5, occurredAt: '2026-11-22T10:00:00Z' }),
    ];
    const r = await api('/api/user-progresses/batch', { token: s.jwt, body: { data: batch } });
    expect(r.status).toBe(200);
    expect(r.body.data.map((o: any) => o.status)).toEqual(['applied', 'applied', 'applied']);
    expect(r.body.data.map((o: any) => o.eventId)).toEqual(batch.map((e) => e.eventId));
    const p = await progressOf(s.jwt, lesson);
    expect(p).toMatchObject({
      progress: 100,
      completed: true,
      timeSpent: 45,
      lastAccessed: '2026-11-22T10:00:00.000Z',
    });
  });

  it('a week of offline work replayed twice changes nothing the second time', async () => {
    const { course, lessons } = await publishedCourse({ lessonCount: 3 });
    const s = await registerStudent();
    const week = lessons.map((l, i) =>
      event(l.documentId, { completed: true, timeSpent: 100, occurredAt: `2026-11-1${i + 1}T17:00:00Z` }),
    );
    const first = await api('/api/user-progresses/batch', { token: s.jwt, body: { data: week } });
    expect(first.body.data.every((o: any) => o.status === 'applied')).toBe(true);
    const before = await enrollmentOf(s.jwt, course.documentId);
    const second = await api('/api/user-progresses/batch', { token: s.jwt, body: { data: week } });
    expect(second.body.data.every((o: any) => o.status === 'duplicate')).toBe(true);
    const after = await enrollmentOf(s.jwt, course.documentId);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ status: 'completed', progress: 100 });
    const all = await api('/api/user-progresses', { token: s.jwt });
    expect(all.body.data.reduce((sum: number, p: any) => sum + p.timeSpent, 0)).toBe(300);
  });

  it('a batch answers per event: unknown lessons are rejected, the rest applied', async () => {
    const { lessons } = await publishedCourse();
    const s = await registerStudent();
    const r = await api('/api/user-progresses/batch', {
      token: s.jwt,
      body: { data: [event(lessons[0]!.documentId), event('nosuchlesson00000000000')] },
    });
    expect(r.body.data.map((o: any) => o.status)).toEqual(['applied', 'rejected']);
    expect(r.body.data[1].error.status).toBe(404);
  });

  it('enrollment progress follows lesson completion; completed_at is set once', async () => {
    const { course, lessons } = await publishedCourse({ lessonCount: 2 });
    const s = await registerStudent();
    await sendEvent(s.jwt, lessons[0]!.documentId, { completed: true });
    expect(await enrollmentOf(s.jwt, course.documentId)).toMatchObject({
      status: 'in_progress',
      progress: 50,
      completedAt: null,
    });
    const done = await sendEvent(s.jwt, lessons[1]!.documentId, { completed: true });
    expect(done.body.meta.completedCourses).toEqual([{ documentId: course.documentId, title: course.title }]);
    const completed = await enrollmentOf(s.jwt, course.documentId);
    expect(completed).toMatchObject({ status: 'completed', progress: 100 });
    await sendEvent(s.jwt, lessons[1]!.documentId, { progress: 100 });
    expect((await enrollmentOf(s.jwt, course.documentId)).completedAt).toBe(completed.completedAt);
  });

  it('a dropped course stays dropped while the learner dips in, and is completed once every lesson is', async () => {
    const { course, lessons } = await publishedCourse({ lessonCount: 2 });
    const s = await registerStudent();
    const enrolled = await api('/api/course-enrollments', {
      token: s.jwt,
      body: { data: { course: course.documentId } },
    });
    await api(`/api/course-enrollments/${enrolled.body.data.documentId}`, {
      method: 'PUT',
      token: s.jwt,
      body: { data: { status: 'dropped' } },
    });
    await sendEvent(s.jwt, lessons[0]!.documentId, { completed: true });
    expect(await enrollmentOf(s.jwt, course.documentId)).toMatchObject({ status: 'dropped', progress: 50 });
    const done = await sendEvent(s.jwt, lessons[1]!.documentId, { completed: true });
    expect(done.body.meta.completedCourses).toEqual([{ documentId: course.documentId, title: course.title }]);
    const completed = await enrollmentOf(s.jwt, course.documentId);
    expect(completed).toMatchObject({ status: 'completed', progress: 100 });
    expect(Date.parse(completed.completedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('a locked lesson opens only when the lessons before it are complete', async () => {
    const { lessons } = await publishedCourse({ lessonCount: 2, locked: 1 });
    const s = await registerStudent();
    const early = await sendEvent(s.jwt, lessons[1]!.documentId);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/locked/);
    await sendEvent(s.jwt, lessons[0]!.documentId, { completed: true });
    // The refused event was not kept: sending the same event again now applies it.
    const retried = await api('/api/user-progresses', {
      token: s.jwt,
      body: {
        data: {
          ...early.body.error.details,
          ...event(lessons[1]!.documentId),
          eventId: early.body.error.details.eventId,
        },
      },
    });
    expect(retried.status).toBe(201);
  });

  it('in one batch, a locked lesson opens for the events after its earlier lessons’ completion, not before', async () => {
    const { lessons } = await publishedCourse({ lessonCount: 3, locked: 2 });
    const s = await registerStudent();
    const [first, second, third] = lessons.map((l) => l.documentId);
    const batch = [
      event(third!, { occurredAt: '2026-11-20T10:00:00Z' }), // before the second lesson was completed
      event(first!, { completed: true, occurredAt: '2026-11-20T09:00:00Z' }),
      event(second!, { completed: true, occurredAt: '2026-11-20T09:30:00Z' }),
      event(third!, { occurredAt: '2026-11-20T09:10:00Z' }), // the second lesson was not complete yet
    ];
    const r = await api('/api/user-progresses/batch', { token: s.jwt, body: { data: batch } });
    expect(r.body.data.map((o: any) => o.status)).toEqual(['applied', 'applied', 'applied', 'rejected']);
    expect(r.body.data[3].error.message).toMatch(/locked/);
    expect(await progressOf(s.jwt, third!)).toMatchObject({ progress: 50, timeSpent: 60 });
    // The refused event was not kept: now that the lesson is open, the same event applies.
    const again = await api('/api/user-progresses', { token: s.jwt, body: { data: batch[3] } });
    expect(again.status).toBe(201);
    expect(again.body.data).toMatchObject({ timeSpent: 120 });
  });

  it('a batch’s round trips do not grow with its events; each event still answers its own record', async () => {
    const { lessons } = await publishedCourse({ lessonCount: 5 });
    const s = await registerStudent();
    const send = (data: unknown[]) => api('/api/user-progresses/batch', { token: s.jwt, body: { data } });
    await send([event(lessons[0]!.documentId)]); // enrolls: a few round trips of its own
    const one = await send([event(lessons[0]!.documentId, { timeSpent: 0 })]);
    const many = Array.from({ length: 40 }, (_, i) =>
      event(lessons[i % 5]!.documentId, {
        progress: i + 1,
        timeSpent: 1,
        occurredAt: `2026-11-20T10:${String(i).padStart(2, '0')}:00Z`,
      }),
    );
    const forty = await send(many);
    expect(forty.body.data.every((o: any) => o.status === 'applied')).toBe(true);
    expect(Number(forty.headers.get('x-db-queries'))).toBe(Number(one.headers.get('x-db-queries')));
    // Each event's answer is its lesson's record right after it: lesson 1 saw progress 1, 6, ..., 36.
    const lesson1 = forty.body.data.filter((_: unknown, i: number) => i % 5 === 0);
    expect(lesson1.map((o: any) => o.progress.progress)).toEqual([50, 50, 50, 50, 50, 50, 50, 50]);
    const lesson2 = forty.body.data.filter((_: unknown, i: number) => i % 5 === 1);
    expect(lesson2.map((o: any) => o.progress.progress)).toEqual([2, 7, 12, 17, 22, 27, 32, 37]);
    expect(lesson2.map((o: any) => o.progress.timeSpent)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(lesson2.map((o: any) => o.progress.documentId)).size).toBe(1);
    expect(await progressOf(s.jwt, lessons[1]!.documentId)).toMatchObject({
      documentId: lesson2[0].progress.documentId,
      progress: 37,
      timeSpent: 8,
      lastAccessed: '2026-11-20T10:36:00.000Z',
    });
  });

  it('the token’s check and the learner’s lock ride with BEGIN; a blocked learner’s token writes nothing', async () => {
    const { lessons } = await publishedCourse();
    const s = await registerStudent();
    const send = () => sendEvent(s.jwt, lessons[0]!.documentId, { timeSpent: 5 });
    await send(); // enrolls
    const r = await send();
    expect(r.status).toBe(201);
    // BEGIN (+ the token's check + the lock), the events in, the records out with the enrollment refreshed
    // and the xAPI statements, COMMIT; no badges measured, as nothing a badge counts moved.
    expect(r.headers.get('x-db-queries')).toBe('4');
    const completed = await sendEvent(s.jwt, lessons[0]!.documentId, { completed: true });
    expect(completed.status).toBe(201);
    // A completion also measures the badges (one statement) and writes the ones that moved (one more).
    expect(Number(completed.headers.get('x-db-queries'))).toBeGreaterThanOrEqual(6);
    const admin = await tokenFor('admin');
    const blocked = await api(`/api/admin/users/${s.user.documentId}/blocked`, {
      method: 'PUT',
      token: admin,
      body: { data: { blocked: true } },
    });
    expect(blocked.status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-db-queries')).toBe('1');
    const db = await openTestDatabase();
    try {
      const { sql } = await import('drizzle-orm');
      const stored = await db.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM progress_events WHERE user_id = ${s.user.id}`,
      );
      expect(stored.rows[0]!.n).toBe(3);
    } finally {
      await db.close();
    }
  });

  it('one batch across two courses refreshes both enrollments and completes both, in the order learned', async () => {
    const first = await publishedCourse({ lessonCount: 1 });
    const second = await publishedCourse({ lessonCount: 2 });
    const s = await registerStudent();
    const r = await api('/api/user-progresses/batch', {
      token: s.jwt,
      body: {
        data: [
          event(second.lessons[1]!.documentId, { completed: true, occurredAt: '2026-11-20T10:00:00Z' }),
          event(first.lessons[0]!.documentId, { completed: true, occurredAt: '2026-11-20T11:00:00Z' }),
          event(second.lessons[0]!.documentId, { completed: true, occurredAt: '2026-11-20T12:00:00Z' }),
        ],
      },
    });
    expect(r.body.data.map((o: any) => o.status)).toEqual(['applied', 'applied', 'applied']);
    expect(r.body.meta.completedCourses.map((c: any) => c.documentId)).toEqual([
      second.course.documentId,
      first.course.documentId,
    ]);
    for (const { course } of [first, second])
      expect(await enrollmentOf(s.jwt, course.documentId)).toMatchObject({ status: 'completed', progress: 100 });
  });

  it('an event id in capitals is the same event', async () => {
    const { lessons } = await publishedCourse();
    const s = await registerStudent();
    const e = event(lessons[0]!.documentId);
    const loud = { ...e, eventId: e.eventId.toUpperCase() };
    const r = await api('/api/user-progresses/batch', { token: s.jwt, body: { data: [e, loud] } });
    expect(r.body.data.map((o: any) => [o.eventId, o.status])).toEqual([
      [e.eventId, 'applied'],
      [loud.eventId, 'applied'],
    ]);
    const later = await api('/api/user-progresses', { token: s.jwt, body: { data: loud } });
    expect(later.body.meta.status).toBe('duplicate');
    expect((await progressOf(s.jwt, lessons[0]!.documentId)).timeSpent).toBe(60);
  });

  it('invalid events are refused with the field named', async () => {
    const s = await registerStudent();
    const r = await api('/api/user-progresses', {
      token: s.jwt,
      body: { data: { eventId: 'not-a-uuid', lesson: 'x', progress: 140 } },
    });
    expect(r.status).toBe(400);
    const paths = r.body.error.details.errors.map((e: any) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['data.eventId', 'data.progress']));
  });
});

describe('who reads progress', () => {
  it('a parent reads their child’s progress but cannot write it; not another child’s', async () => {
    const { lessons } = await publishedCourse();
    const zaid = await tokenFor('zaid');
    await api('/api/user-progresses', { token: zaid, body: { data: event(lessons[0]!.documentId, { progress: 30 }) } });
    const stranger = await registerStudent();
    await api('/api/user-progresses', {
      token: stranger.jwt,
      body: { data: event(lessons[0]!.documentId, { progress: 70 }) },
    });
    const parent = await tokenFor('parent.fatima');
    const seen = await api(
      `/api/user-progresses?populate[user][fields][0]=username&filters[lesson][documentId][$eq]=${lessons[0]!.documentId}`,
      { token: parent },
    );
    expect(seen.body.data.map((p: any) => p.user.username)).toEqual(['zaid']);
    const strangers = await api(`/api/user-progresses?filters[user][username][$eq]=${stranger.username}`, {
      token: parent,
    });
    expect(strangers.body.data).toEqual([]);
    const strangerRow = await progressOf(stranger.jwt, lessons[0]!.documentId);
    expect((await api(`/api/user-progresses/${strangerRow.documentId}`, { token: parent })).status).toBe(404);
    expect(
      (await api('/api/user-progresses', { token: parent, body: { data: event(lessons[0]!.documentId) } })).status,
    ).toBe(403);
  });

  it('a student reads only their own progress', async () => {
    const { lessons } = await publishedCourse();
    const a = await registerStudent();
    const b = await registerStudent();
    await api('/api/user-progresses', { token: a.jwt, body: { data: event(lessons[0]!.documentId) } });
    const row = await progressOf(a.jwt, lessons[0]!.documentId);
    expect((await api(`/api/user-progresses/${row.documentId}`, { token: b.jwt })).status).toBe(404);
    expect((await api('/api/user-progresses', { token: b.jwt })).body.data).toEqual([]);
  });

  it('a teacher reads the progress in their own courses, not in other teachers’', async () => {
    const { lessons } = await publishedCourse();
    const s = await registerStudent();
    await sendEvent(s.jwt, lessons[0]!.documentId);
    const filter = `/api/user-progresses?filters[lesson][documentId][$eq]=${lessons[0]!.documentId}`;
    expect((await api(filter, { token: await tokenFor('teacher.amina') })).body.data).toHaveLength(1);
    expect((await api(filter, { token: await tokenFor('teacher.yusuf') })).body.data).toHaveLength(0);
  });
});

describe('streaks', () => {
  it('lesson completions on consecutive local days build a streak; the same day twice counts once', async () => {
    const { lessons } = await publishedCourse({ lessonCount: 3 });
    const s = await registerStudent();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const batch = [
      event(lessons[0]!.documentId, { completed: true, occurredAt: yesterday }),
      event(lessons[1]!.documentId, { completed: true }),
      event(lessons[2]!.documentId, { completed: true }),
    ];
    await api('/api/user-progresses/batch', { token: s.jwt, body: { data: batch } });
    const streaks = await api('/api/streaks', { token: s.jwt });
    const lesson = streaks.body.data.find((x: any) => x.type === 'lesson_completion');
    expect(lesson).toMatchObject({ currentStreak: 2, longestStreak: 2 });
  });

  it('a streak not continued by yesterday reads as zero; the longest is kept', async () => {
    const { lessons } = await publishedCourse({ lessonCount: 2 });
    const s = await registerStudent();
    const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
    await api('/api/user-progresses/batch', {
      token: s.jwt,
      body: {
        data: [
          event(lessons[0]!.documentId, { completed: true, occurredAt: days(4) }),
          event(lessons[1]!.documentId, { completed: true, occurredAt: days(3) }),
        ],
      },
    });
    const lesson = (await api('/api/streaks', { token: s.jwt })).body.data.find(
      (x: any) => x.type === 'lesson_completion',
    );
    expect(lesson).toMatchObject({ currentStreak: 0, longestStreak: 2 });
  });

  it('signing in twice on one day counts one day of daily_login', async () => {
    const s = await registerStudent();
    await api('/api/auth/local', { body: { identifier: s.username, password: s.password } });
    await api('/api/auth/local', { body: { identifier: s.username, password: s.password } });
    const daily = (await api('/api/streaks', { token: s.jwt })).body.data.find((x: any) => x.type === 'daily_login');
    expect(daily).toMatchObject({ currentStreak: 1, longestStreak: 1 });
  });
});

describe('achievements, certificates and xAPI on course completion', () => {
  it('a lesson completed by several events, in one batch and later, records one completion', async () => {
    const { lessons } = await publishedCourse({ lessonCount: 3 });
    const s = await registerStudent();
    const lesson = lessons[1]!.documentId;
    const batch = await api('/api/user-progresses/batch', {
      token: s.jwt,
      body: {
        data: [
          event(lesson, { progress: 50 }),
          event(lesson, { completed: true }),
          event(lesson, { completed: true, timeSpent: 30 }),
        ],
      },
    });
    expect(batch.body.data.map((o: any) => o.status)).toEqual(['applied', 'applied', 'applied']);
    expect(batch.body.data[2].progress).toMatchObject({ completed: true, progress: 100 });
    await sendEvent(s.jwt, lesson, { completed: true });

    const db = await openTestDatabase();
    try {
      const { sql } = await import('drizzle-orm');
      const rows = await db.db.execute<{ verb: string }>(
        sql`SELECT s.verb FROM xapi_statements s JOIN users u ON u.id = s.user_id
            WHERE u.username = ${s.username} AND s.activity LIKE ${'%' + lesson}`,
      );
      const verbs = rows.rows.map((r) => r.verb.split('/').pop());
      expect(verbs.filter((v) => v === 'completed')).toHaveLength(1);
      expect(verbs.filter((v) => v === 'experienced')).toHaveLength(3);
    } finally {
      await db.close();
    }
  });

  it('completing a course awards “First steps” once, issues one certificate, and records xAPI statements', async () => {
    const { course, lessons } = await publishedCourse({ lessonCount: 1 });
    const s = await registerStudent();
    const done = await sendEvent(s.jwt, lessons[0]!.documentId, { completed: true });
    expect(done.body.meta.earnedAchievements.map((a: any) => a.title)).toContain('First steps');
    const earned = await api(
      '/api/user-achievements?populate[achievement][fields][0]=title&filters[earnedAt][$notNull]=true',
      { token: s.jwt },
    );
    expect(earned.body.data.filter((a: any) => a.achievement.title === 'First steps')).toHaveLength(1);
    const progressToward = await api('/api/user-achievements?populate=achievement&filters[earnedAt][$null]=true', {
      token: s.jwt,
    });
    expect(progressToward.body.data.find((a: any) => a.achievement.title === 'Seeker of knowledge')?.progress).toBe(33);

    const certificates = await api('/api/certificates?populate[course][fields][0]=title', { token: s.jwt });
    expect(certificates.body.data).toHaveLength(1);
    const certificate = certificates.body.data[0];
    expect(certificate).toMatchObject({
      course: { title: course.title },
      certificateNumber: expect.stringMatching(/^AM-\d{4}-[A-Z2-9]{8}$/),
      pdfUrl: `/api/certificates/${certificate.documentId}/pdf`,
    });
    expect(certificate.verificationCode).toMatch(/^[A-Za-z0-9]{32}$/);
    const verified = await api(`/api/certificates/verify/${certificate.verificationCode}`);
    expect(verified.status).toBe(200);
    expect(Object.keys(verified.body.data).sort()).toEqual([
      'certificateNumber',
      'course',
      'issuedAt',
      'name',
      'valid',
    ]);
    expect(verified.body.data).toMatchObject({ name: s.username, course: course.title });
    expect((await api('/api/certificates/verify/notarealcode0000000000000000')).status).toBe(404);

    const db = await openTestDatabase();
    try {
      const { sql } = await import('drizzle-orm');
      const rows = await db.db.execute<{ verb: string }>(
        sql`SELECT verb FROM xapi_statements s JOIN users u ON u.id = s.user_id WHERE u.username = ${s.username} ORDER BY verb`,
      );
      const verbs = rows.rows.map((r) => r.verb.split('/').pop());
      expect(verbs).toEqual(expect.arrayContaining(['completed', 'earned']));
      expect(verbs.filter((v) => v === 'completed')).toHaveLength(2); // the lesson and the course
    } finally {
      await db.close();
    }
  });

  it('every badge in reach moves with a completion; an event that moves none writes none', async () => {
    const { lessons } = await publishedCourse({ lessonCount: 3 });
    const s = await registerStudent();
    const towards = async () => {
      const r = await api('/api/user-achievements?populate=achievement', { token: s.jwt });
      return Object.fromEntries(
        r.body.data.map((a: any) => [a.achievement.title, { progress: a.progress, updatedAt: a.updatedAt }]),
      );
    };
    await sendEvent(s.jwt, lessons[0]!.documentId, { completed: true });
    const first = await towards();
    // One lesson of the 20 “Regular at the halaqah” asks for; one day of each streak badge.
    expect(first).toMatchObject({
      'Regular at the halaqah': { progress: 5 },
      'Steadfast week': { progress: 14 },
      'Forty days': { progress: 2 },
    });
    expect(first['First steps']).toBeUndefined(); // no course completed: nothing stored
    await sendEvent(s.jwt, lessons[1]!.documentId, { progress: 30 });
    expect(await towards()).toEqual(first);
    await sendEvent(s.jwt, lessons[1]!.documentId, { completed: true });
    const second = await towards();
    expect(second['Regular at the halaqah']).toMatchObject({ progress: 10 });
    expect(second['Steadfast week']).toEqual(first['Steadfast week']); // the same day: no move, no write
  });

  it('another student cannot see the certificate; the parent of its owner can', async () => {
    const { lessons } = await publishedCourse({ lessonCount: 1 });
    await api('/api/user-progresses', {
      token: await tokenFor('maryam'),
      body: { data: event(lessons[0]!.documentId, { completed: true }) },
    });
    const mine = (await api('/api/certificates', { token: await tokenFor('maryam') })).body.data;
    expect(mine.length).toBeGreaterThan(0);
    const other = await registerStudent();
    expect((await api(`/api/certificates/${mine[0].documentId}`, { token: other.jwt })).status).toBe(404);
    expect(
      (await api(`/api/certificates/${mine[0].documentId}`, { token: await tokenFor('parent.fatima') })).status,
    ).toBe(200);
  });

  it('a teacher awards an achievement by hand, once; not to a non-student; a student cannot award', async () => {
    const s = await registerStudent();
    const teacher = await tokenFor('teacher.yusuf');
    const achievement = (await api('/api/achievements?filters[title][$eq]=Forty%20days')).body.data[0];
    const award = await api('/api/user-achievements', {
      token: teacher,
      body: { data: { user: s.user.documentId, achievement: achievement.documentId } },
    });
    expect(award.status).toBe(201);
    expect(
      (
        await api('/api/user-achievements', {
          token: teacher,
          body: { data: { user: s.user.documentId, achievement: achievement.documentId } },
        })
      ).status,
    ).toBe(409);
    const admin = (await api('/api/users?limit=100', { token: await tokenFor('admin') })).body.find(
      (u: any) => u.username === 'admin',
    );
    expect(
      (
        await api('/api/user-achievements', {
          token: teacher,
          body: { data: { user: admin.documentId, achievement: achievement.documentId } },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api('/api/user-achievements', {
          token: s.jwt,
          body: { data: { user: s.user.documentId, achievement: achievement.documentId } },
        })
      ).status,
    ).toBe(403);
  });
});

describe('certificate PDFs', () => {
  it('the learner downloads a PDF naming them (Arabic included); it is kept in R2; strangers get 404', async () => {
    const { lessons, course } = await publishedCourse({ lessonCount: 1 });
    const parent = await tokenFor('parent.fatima');
    const username = unique('kid');
    await api('/api/users', { token: parent, body: { username, password: 'kid-password-1', fullName: 'زيد حسن' } });
    const child = (await api('/api/auth/local', { body: { identifier: username, password: 'kid-password-1' } })).body
      .jwt;
    await api('/api/user-progresses', {
      token: child,
      body: { data: event(lessons[0]!.documentId, { completed: true }) },
    });
    const certificate = (await api('/api/certificates', { token: child })).body.data[0];
    const { baseUrl } = await import('../support/api');
    const download = async (token?: string) =>
      fetch(baseUrl() + certificate.pdfUrl, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const first = await download(child);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toContain(course.title);
    // Served again from R2: the same bytes.
    expect(new Uint8Array(await (await download(parent)).arrayBuffer())).toEqual(bytes);
    const stranger = await registerStudent();
    expect((await download(stranger.jwt)).status).toBe(404);
    expect((await download()).status).toBe(401);
  });
});
