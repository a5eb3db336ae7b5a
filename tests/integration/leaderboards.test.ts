import { afterAll, describe, expect, it } from 'vitest';
import { periodStart } from '../../worker/services/stats/leaderboard-period';
import { api, registerStudent, tokenFor } from '../support/api';
import { awardPoints, createAccount, createCourse, enroll, type Account } from '../support/stats-fixtures';

// Other test files create learners and awards in the same database at the same time, so every
// ranking here is of a course made for the test: the course filter keeps strangers out of it.

const board = async (query: string, token?: string) =>
  api(`/api/leaderboards${query}`, { token: token ?? (await tokenFor('teacher.amina')) });
const summary = (r: { body: { data: any[] } }) => r.body.data.map((e) => [e.learner.displayName, e.rank, e.points]);

async function enrolledLearners(
  course: string,
  people: { fullName?: string; ageTier?: 'children' | 'youth' | 'adults'; points: number[] }[],
): Promise<Account[]> {
  const accounts: Account[] = [];
  // One after the other: accounts made in order, so ties list in a known order (oldest account first).
  for (const person of people) {
    const account = await createAccount({ fullName: person.fullName, ageTier: person.ageTier });
    await enroll(account.documentId, course);
    if (person.points.length) await awardPoints(account.documentId, person.points);
    accounts.push(account);
  }
  return accounts;
}

describe('leaderboard rankings', () => {
  it('ranks a course’s learners by points; ties share a rank (1, 2, 2, 4); one round trip, the sign-in check included', async () => {
    const course = await createCourse();
    await enrolledLearners(course.documentId, [
      { fullName: 'Bilal One', points: [10, 20] },
      { fullName: 'Sara Two', points: [20] },
      { fullName: 'Idris Three', points: [5, 15] },
      { fullName: 'Amal Four', points: [10] },
    ]);
    const r = await board(`?course=${course.documentId}&period=all`);
    expect(r.status).toBe(200);
    expect(summary(r)).toEqual([
      ['Bilal', 1, 30],
      ['Sara', 2, 20],
      ['Idris', 2, 20],
      ['Amal', 4, 10],
    ]);
    expect(r.headers.get('x-db-queries')).toBe('1');
  });

  it('leaves out learners who are not enrolled, who dropped the course, or whose achievement is not yet earned', async () => {
    const course = await createCourse();
    const [ranked] = await enrolledLearners(course.documentId, [{ fullName: 'Counted Learner', points: [10] }]);
    const outsider = await createAccount({ fullName: 'Outsider' });
    await awardPoints(outsider.documentId, [500]);
    const dropped = await createAccount({ fullName: 'Dropped' });
    await enroll(dropped.documentId, course.documentId, { status: 'dropped' });
    await awardPoints(dropped.documentId, [500]);
    const unfinished = await createAccount({ fullName: 'Unfinished' });
    await enroll(unfinished.documentId, course.documentId);
    await awardPoints(unfinished.documentId, [500], null);
    const r = await board(`?course=${course.documentId}&period=all`);
    expect(r.body.data.map((e: any) => e.learner.documentId)).toEqual([ranked!.documentId]);
  });

  it('counts only points earned in the period: this ISO week (from Monday, UTC), this month (from the 1st, UTC), or all time', async () => {
    const now = new Date();
    const weekStart = periodStart('week', now)!;
    const monthStart = periodStart('month', now)!;
    const twoMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 10));
    const course = await createCourse();
    const [recent, monthly] = await enrolledLearners(course.documentId, [
      { fullName: 'Recent', points: [5] },
      { fullName: 'Monthly', points: [] },
    ]);
    await awardPoints(recent!.documentId, [7], twoMonthsAgo);
    // The first instant of the month: inside this week too only when the week began on or before it.
    await awardPoints(monthly!.documentId, [3], monthStart);

    const week = await board(`?course=${course.documentId}&period=week`);
    expect(summary(week)).toEqual(
      monthStart >= weekStart
        ? [
            ['Recent', 1, 5],
            ['Monthly', 2, 3],
          ]
        : [['Recent', 1, 5]],
    );
    expect(week.body.meta).toMatchObject({ period: 'week', since: weekStart.toISOString() });
    expect(summary(await board(`?course=${course.documentId}&period=month`))).toEqual([
      ['Recent', 1, 5],
      ['Monthly', 2, 3],
    ]);
    const all = await board(`?course=${course.documentId}&period=all`);
    expect(summary(all)).toEqual([
      ['Recent', 1, 12],
      ['Monthly', 2, 3],
    ]);
    expect(all.body.meta.since).toBeNull();
    // The default period is the week.
    const unspecified = await board(`?course=${course.documentId}`);
    expect(unspecified.body.meta.period).toBe('week');
    expect(summary(unspecified)).toEqual(summary(week));
  });

  it('filters by age tier, from the learner’s profile', async () => {
    const course = await createCourse();
    await enrolledLearners(course.documentId, [
      { fullName: 'Child Learner', ageTier: 'children', points: [10] },
      { fullName: 'Youth Learner', ageTier: 'youth', points: [20] },
      { fullName: 'Adult Learner', ageTier: 'adults', points: [30] },
      { fullName: 'Untiered Learner', points: [40] },
    ]);
    const children = await board(`?course=${course.documentId}&period=all&ageTier=children`);
    expect(summary(children)).toEqual([['Child', 1, 10]]);
    expect(children.body.meta).toMatchObject({ ageTier: 'children', course: course.documentId });
    expect(summary(await board(`?course=${course.documentId}&period=all&ageTier=adults`))).toEqual([['Adult', 1, 30]]);
    expect(summary(await board(`?course=${course.documentId}&period=all`)).map((e) => e[0])).toEqual([
      'Untiered',
      'Adult',
      'Youth',
      'Child',
    ]);
  });

  it('marks the caller’s own entry and gives their place even when it is below the limit', async () => {
    const course = await createCourse();
    const [first, , third] = await enrolledLearners(course.documentId, [
      { fullName: 'First Place', points: [30] },
      { fullName: 'Second Place', points: [20] },
      { fullName: 'Third Place', points: [10] },
    ]);
    const full = await board(`?course=${course.documentId}&period=all`, third!.jwt);
    expect(full.body.data.map((e: any) => e.isMe)).toEqual([false, false, true]);
    expect(full.body.meta.me).toEqual({ rank: 3, points: 10 });
    const top = await board(`?course=${course.documentId}&period=all&limit=1`, third!.jwt);
    expect(top.body.data.map((e: any) => e.learner.documentId)).toEqual([first!.documentId]);
    expect(top.body.data[0].isMe).toBe(false);
    expect(top.body.meta.me).toEqual({ rank: 3, points: 10 });
    // A teacher is not ranked.
    const teacher = await board(`?course=${course.documentId}&period=all`);
    expect(teacher.body.meta.me).toBeNull();
    expect(teacher.body.data.some((e: any) => e.isMe)).toBe(false);
  });

  it('a learner on the whole-school board sees their entry and place', async () => {
    const learner = await createAccount({ fullName: 'Top Scorer' });
    await awardPoints(learner.documentId, [1_000_000]);
    const r = await board('?period=week&limit=100', learner.jwt);
    expect(r.status).toBe(200);
    const mine = r.body.data.find((e: any) => e.isMe);
    expect(mine).toMatchObject({ learner: { documentId: learner.documentId, displayName: 'Top' }, points: 1_000_000 });
    expect(r.body.meta.me).toEqual({ rank: mine.rank, points: 1_000_000 });
    expect(r.body.data.filter((e: any) => e.isMe)).toHaveLength(1);
  });

  it('parents read the leaderboard too', async () => {
    const r = await board('?period=all', await tokenFor('parent.fatima'));
    expect(r.status).toBe(200);
    expect(r.body.meta.me).toBeNull();
  });
});

describe('leaderboard privacy', () => {
  it('shows first names only: "Zaid Hassan" is "Zaid"; without a full name, the username', async () => {
    const course = await createCourse();
    const [zaid, nameless] = await enrolledLearners(course.documentId, [
      { fullName: 'Zaid Hassan', ageTier: 'children', points: [20] },
      { points: [10] },
    ]);
    const r = await board(`?course=${course.documentId}&period=all`, zaid!.jwt);
    expect(r.body.data.map((e: any) => e.learner.displayName)).toEqual(['Zaid', nameless!.username]);
    // Even the learner themself is shown by first name: the same board for everyone.
    expect(JSON.stringify(r.body)).not.toContain('Hassan');
  });

  it('never carries e-mail addresses, full names or user ids, whoever asks', async () => {
    const course = await createCourse();
    const registered = await registerStudent();
    await enroll(registered.user.documentId, course.documentId);
    await awardPoints(registered.user.documentId, [10]);
    await enrolledLearners(course.documentId, [{ fullName: 'Maryam Bint Yusuf', points: [5] }]);
    for (const token of [registered.jwt, await tokenFor('admin')]) {
      const r = await board(`?course=${course.documentId}&period=all`, token);
      expect(r.body.data).toHaveLength(2);
      const text = JSON.stringify(r.body);
      expect(text).not.toContain('@');
      expect(text).not.toContain('Bint');
      expect(text).not.toMatch(/"id"/);
      for (const entry of r.body.data) {
        expect(Object.keys(entry).sort()).toEqual(['isMe', 'learner', 'points', 'rank']);
        expect(Object.keys(entry.learner).sort()).toEqual(['displayName', 'documentId']);
      }
    }
  });
});

describe('leaderboard errors', () => {
  it('anonymous callers get 401', async () => {
    const r = await api('/api/leaderboards');
    expect(r.status).toBe(401);
    expect(r.body.error.name).toBe('UnauthorizedError');
  });

  it('bad parameters are a 400 naming the parameter', async () => {
    for (const [query, path] of [
      ['?period=year', 'period'],
      ['?ageTier=all', 'ageTier'],
      ['?limit=0', 'limit'],
      ['?limit=101', 'limit'],
      ['?limit=ten', 'limit'],
    ] as const) {
      const r = await board(query);
      expect(r.status, query).toBe(400);
      expect(r.body.error.name).toBe('ValidationError');
      expect(r.body.error.details.errors[0].path).toEqual([path]);
    }
    expect((await board('?perod=month')).status).toBe(400);
  });

  it('a course that does not exist, or is a draft the caller cannot read, is a 404', async () => {
    expect((await board('?course=nosuchcourse000000000000')).status).toBe(404);
    const draft = await createCourse('teacher.yusuf', 1, false);
    expect((await board(`?course=${draft.documentId}`, await tokenFor('ali'))).status).toBe(404);
    expect((await board(`?course=${draft.documentId}`, await tokenFor('teacher.amina'))).status).toBe(404);
    expect((await board(`?course=${draft.documentId}`, await tokenFor('teacher.yusuf'))).status).toBe(200);
  });

  it('other methods are a 405', async () => {
    const r = await api('/api/leaderboards', { method: 'POST', token: await tokenFor('admin'), body: {} });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('hiding leaderboards', () => {
  const setHidden = async (hidden: boolean) =>
    api('/api/school-settings/leaderboards', {
      method: 'PUT',
      token: await tokenFor('admin'),
      body: { data: { hidden } },
    });
  afterAll(async () => {
    await setHidden(false);
  });

  it('hidden by an admin: students and parents get 403, teachers and admins still see it; shown again after', async () => {
    const learner = await createAccount({ fullName: 'Hidden Learner' });
    const set = await setHidden(true);
    expect(set.status).toBe(200);
    expect(set.body.data).toEqual({ hidden: true });
    for (const token of [learner.jwt, await tokenFor('parent.fatima')]) {
      const r = await board('', token);
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({
        name: 'ForbiddenError',
        message: 'Leaderboards are turned off by the school',
      });
    }
    expect((await board('', await tokenFor('teacher.yusuf'))).status).toBe(200);
    expect((await board('', await tokenFor('admin'))).status).toBe(200);
    expect((await api('/api/school-settings', { token: await tokenFor('admin') })).body.data.leaderboards).toEqual({
      hidden: true,
    });

    await setHidden(false);
    expect((await board('', learner.jwt)).status).toBe(200);
  });

  it('school settings are read and written by admins only', async () => {
    const admin = await tokenFor('admin');
    const read = await api('/api/school-settings', { token: admin });
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ leaderboards: { hidden: false } });
    for (const user of ['teacher.amina', 'parent.fatima', 'ali']) {
      const token = await tokenFor(user);
      expect((await api('/api/school-settings', { token })).status, user).toBe(403);
      expect(
        (await api('/api/school-settings/leaderboards', { method: 'PUT', token, body: { data: { hidden: true } } }))
          .status,
        user,
      ).toBe(403);
    }
    expect((await api('/api/school-settings')).status).toBe(401);
    expect(
      (await api('/api/school-settings/leaderboards', { method: 'PUT', body: { data: { hidden: true } } })).status,
    ).toBe(401);
    expect((await api('/api/school-settings', { token: admin })).body.data.leaderboards.hidden).toBe(false);
  });

  it('a setting must have its shape, and exist', async () => {
    const admin = await tokenFor('admin');
    const wrongType = await api('/api/school-settings/leaderboards', {
      method: 'PUT',
      token: admin,
      body: { data: { hidden: 'yes' } },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.errors[0].path).toEqual(['data', 'hidden']);
    expect(
      (
        await api('/api/school-settings/leaderboards', {
          method: 'PUT',
          token: admin,
          body: { data: { hidden: true, extra: 1 } },
        })
      ).status,
    ).toBe(400);
    expect(
      (await api('/api/school-settings/leaderboards', { method: 'PUT', token: admin, body: { hidden: true } })).status,
    ).toBe(400);
    expect(
      (await api('/api/school-settings/colours', { method: 'PUT', token: admin, body: { data: { hidden: true } } }))
        .status,
    ).toBe(404);
    expect((await api('/api/school-settings/leaderboards', { method: 'DELETE', token: admin })).status).toBe(405);
  });
});
