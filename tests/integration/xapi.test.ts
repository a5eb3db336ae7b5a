// The Node WebSocket for the Neon driver: this file opens its own database connection.
import '../../db/local/local-database';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { xapiStatements } from '../../db/schema';
import { recordLearningEvents, type Actor, type LearningEvent } from '../../worker/services/xapi/statements';
import { api, baseUrl, registerStudent, tokenFor, unique, type ApiResponse } from '../support/api';

const VERSION = 'x-experience-api-version';
const VERB = (name: string) => `http://adlnet.gov/expapi/verbs/${name}`;

/**
 * Opened and closed around each use: the embedded database serves one connection at a time,
 * so a connection held by the test would stall the worker's requests.
 */
async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: inject('databaseUrl'), wsProxy: inject('wsProxy') || undefined });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const record = (actor: Actor, events: LearningEvent[]) =>
  withDatabase((db) => recordLearningEvents(db, actor, events, { origin: baseUrl(), timestamp: new Date() }));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Activities of their own per test file run, so statements other tests record never get in the way. */
function fixtures() {
  const ref = (prefix: string) => ({ documentId: unique(prefix).slice(0, 24), title: unique(`${prefix} `) });
  const course = ref('course');
  const lesson = ref('lesson');
  const quiz = ref('quiz');
  const achievement = { ...ref('badge'), points: 25 };
  const iri = (path: string) => `${baseUrl()}/xapi/activities/${path}`;
  return { course, lesson, quiz, achievement, iri };
}

async function learner(): Promise<Actor> {
  const { user } = await registerStudent();
  return { id: user.id, documentId: user.documentId };
}

const statementsOf = (r: ApiResponse) => r.body.statements as any[];
const agentParam = (actor: Actor) =>
  encodeURIComponent(JSON.stringify({ objectType: 'Agent', account: { homePage: baseUrl(), name: actor.documentId } }));

describe('GET /xapi/statements: who may read it', () => {
  it('teachers and admins list statements as a StatementResult, with the version header', async () => {
    const amina = await learner();
    const { course } = fixtures();
    await record(amina, [{ kind: 'course_completed', course }]);
    for (const user of ['teacher.yusuf', 'admin']) {
      const r = await api('/xapi/statements', { token: await tokenFor(user) });
      expect(r.status).toBe(200);
      expect(r.headers.get(VERSION)).toBe('1.0.3');
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(r.body).toEqual({ statements: expect.any(Array), more: expect.any(String) });
      expect(statementsOf(r).length).toBeGreaterThan(0);
      expect(new Date(r.headers.get('x-experience-api-consistent-through')!).getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it('students and parents get 403, anonymous callers 401, each in the Strapi envelope and with the version header', async () => {
    for (const user of ['zaid', 'parent.fatima']) {
      const r = await api('/xapi/statements', { token: await tokenFor(user) });
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
      expect(r.headers.get(VERSION)).toBe('1.0.3');
    }
    const anonymous = await api('/xapi/statements');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.name).toBe('UnauthorizedError');
    expect(anonymous.headers.get(VERSION)).toBe('1.0.3');
    const badToken = await api('/xapi/statements', { token: 'not.a.jwt' });
    expect(badToken.status).toBe(401);
    expect(badToken.headers.get(VERSION)).toBe('1.0.3');
  });

  it('a student cannot read even their own statements by statementId', async () => {
    const student = await registerStudent();
    const { course } = fixtures();
    await record({ id: student.user.id, documentId: student.user.documentId }, [{ kind: 'course_completed', course }]);
    const admin = await api(`/xapi/statements?agent=${agentParam(student.user)}`, { token: await tokenFor('admin') });
    const id = statementsOf(admin)[0].id;
    expect((await api(`/xapi/statements?statementId=${id}`, { token: student.jwt })).status).toBe(403);
  });

  it('other methods are 405 with Allow: GET, HEAD, unknown paths 404, both with the version header', async () => {
    const token = await tokenFor('admin');
    const post = await api('/xapi/statements', { token, body: {} });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(post.headers.get(VERSION)).toBe('1.0.3');
    const unknown = await api('/xapi/activities', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.name).toBe('NotFoundError');
    expect(unknown.headers.get(VERSION)).toBe('1.0.3');
  });

  it('a client speaking an xAPI version other than 1.0.x is refused with a 400', async () => {
    const token = await tokenFor('admin');
    const r = await api('/xapi/statements', { token, headers: { 'X-Experience-API-Version': '2.0.0' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/2\.0\.0 is not supported/);
    expect(r.headers.get(VERSION)).toBe('1.0.3');
    expect(
      (await api('/xapi/statements?limit=1', { token, headers: { 'X-Experience-API-Version': '1.0.1' } })).status,
    ).toBe(200);
  });
});

describe('GET /xapi/statements: filters and paging', () => {
  let zaid: Actor;
  let huda: Actor;
  let f: ReturnType<typeof fixtures>;
  let firstBatchStored: string;
  let teacher: string;

  beforeAll(async () => {
    teacher = await tokenFor('teacher.amina');
    [zaid, huda] = await Promise.all([learner(), learner()]);
    f = fixtures();
    const attemptId = unique('attempt').slice(0, 24);
    await record(zaid, [
      { kind: 'lesson_experienced', lesson: f.lesson, course: f.course, progress: 50, durationSeconds: 120 },
      { kind: 'lesson_completed', lesson: f.lesson, course: f.course, durationSeconds: 240 },
      { kind: 'quiz_attempted', quiz: f.quiz, lesson: f.lesson, attemptId },
      {
        kind: 'question_answered',
        quiz: f.quiz,
        attemptId,
        questionId: 'q1',
        prompt: 'How many pillars of Islam?',
        response: '5',
        success: true,
        scaled: 1,
      },
      {
        kind: 'quiz_passed',
        quiz: f.quiz,
        lesson: f.lesson,
        attemptId,
        scorePercent: 90,
        durationSeconds: 200,
        late: false,
      },
    ]);
    // A later, separate INSERT: `since` and `until` must split the two.
    await pause(20);
    await record(zaid, [
      { kind: 'course_completed', course: f.course },
      { kind: 'badge_earned', achievement: f.achievement },
    ]);
    await record(huda, [
      {
        kind: 'quiz_failed',
        quiz: f.quiz,
        lesson: null,
        attemptId: unique('attempt').slice(0, 24),
        scorePercent: 20,
        durationSeconds: 30,
        late: true,
      },
    ]);
    const all = await api(`/xapi/statements?agent=${agentParam(zaid)}&ascending=true`, { token: teacher });
    firstBatchStored = statementsOf(all)[0].stored;
  });

  it('agent: only that learner’s statements, every one naming them by account only', async () => {
    const r = await api(`/xapi/statements?agent=${agentParam(zaid)}`, { token: teacher });
    expect(r.status).toBe(200);
    const statements = statementsOf(r);
    expect(statements).toHaveLength(7);
    for (const s of statements) {
      expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: baseUrl(), name: zaid.documentId } });
      expect(s).toMatchObject({
        version: '1.0.3',
        authority: { objectType: 'Agent', account: { homePage: baseUrl() } },
      });
      expect(s.stored).toEqual(expect.stringMatching(/Z$/));
    }
    expect(r.body.more).toBe('');
    expect(statementsOf(await api(`/xapi/statements?agent=${agentParam(huda)}`, { token: teacher }))).toHaveLength(1);
  });

  it('agent: an account nobody has matches nothing', async () => {
    const nobody = encodeURIComponent(
      JSON.stringify({ account: { homePage: baseUrl(), name: 'nobody000000000000000000' } }),
    );
    const r = await api(`/xapi/statements?agent=${nobody}`, { token: teacher });
    expect(r.body).toEqual({ statements: [], more: '' });
  });

  it('verb: only statements with that verb', async () => {
    const r = await api(`/xapi/statements?agent=${agentParam(zaid)}&verb=${encodeURIComponent(VERB('completed'))}`, {
      token: teacher,
    });
    expect(
      statementsOf(r)
        .map((s) => s.object.id)
        .sort(),
    ).toEqual([f.iri(`courses/${f.course.documentId}`), f.iri(`lessons/${f.lesson.documentId}`)].sort());
    const earned = await api(
      `/xapi/statements?agent=${agentParam(zaid)}&verb=${encodeURIComponent('http://id.tincanapi.com/verb/earned')}`,
      { token: teacher },
    );
    expect(statementsOf(earned).map((s) => s.object.id)).toEqual([f.iri(`badges/${f.achievement.documentId}`)]);
  });

  it('activity: only statements whose object is that activity, from every learner', async () => {
    const quiz = encodeURIComponent(f.iri(`quizzes/${f.quiz.documentId}`));
    const r = await api(`/xapi/statements?activity=${quiz}`, { token: teacher });
    expect(
      statementsOf(r)
        .map((s) => s.verb.id)
        .sort(),
    ).toEqual([VERB('attempted'), VERB('failed'), VERB('passed')]);
    const narrowed = await api(`/xapi/statements?activity=${quiz}&verb=${encodeURIComponent(VERB('failed'))}`, {
      token: teacher,
    });
    expect(statementsOf(narrowed)).toHaveLength(1);
    expect(statementsOf(narrowed)[0]).toMatchObject({
      actor: { account: { name: huda.documentId } },
      result: { success: false, extensions: { 'https://attaqwamasjid.org/xapi/extensions/late': true } },
    });
  });

  it('since is exclusive and until inclusive, both on stored', async () => {
    const agent = agentParam(zaid);
    const since = await api(`/xapi/statements?agent=${agent}&since=${encodeURIComponent(firstBatchStored)}`, {
      token: teacher,
    });
    expect(
      statementsOf(since)
        .map((s) => s.verb.id)
        .sort(),
    ).toEqual([VERB('completed'), 'http://id.tincanapi.com/verb/earned']);
    const until = await api(`/xapi/statements?agent=${agent}&until=${encodeURIComponent(firstBatchStored)}`, {
      token: teacher,
    });
    expect(statementsOf(until)).toHaveLength(5);
    expect(statementsOf(until).every((s) => s.stored === firstBatchStored)).toBe(true);
    const both = await api(
      `/xapi/statements?agent=${agent}&since=${encodeURIComponent(firstBatchStored)}&until=${encodeURIComponent(firstBatchStored)}`,
      { token: teacher },
    );
    expect(statementsOf(both)).toEqual([]);
  });

  it('limit and more page through every statement once, newest stored first', async () => {
    const everything = statementsOf(await api(`/xapi/statements?agent=${agentParam(zaid)}`, { token: teacher }));
    const stored = everything.map((s) => s.stored);
    expect([...stored].sort().reverse()).toEqual(stored);

    const seen: string[] = [];
    const sizes: number[] = [];
    let next = `/xapi/statements?agent=${agentParam(zaid)}&limit=2`;
    while (next) {
      const page = await api(next, { token: teacher });
      expect(page.status).toBe(200);
      expect(page.headers.get(VERSION)).toBe('1.0.3');
      sizes.push(statementsOf(page).length);
      seen.push(...statementsOf(page).map((s) => s.id));
      next = page.body.more;
      if (next) expect(next).toMatch(/^\/xapi\/statements\?.*cursor=[A-Za-z0-9_-]+/);
    }
    expect(sizes).toEqual([2, 2, 2, 1]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(everything.map((s) => s.id));
  });

  it('ascending returns the same statements oldest first, and pages the same way', async () => {
    const newest = statementsOf(await api(`/xapi/statements?agent=${agentParam(zaid)}`, { token: teacher })).map(
      (s) => s.id,
    );
    const oldest = statementsOf(
      await api(`/xapi/statements?agent=${agentParam(zaid)}&ascending=true`, { token: teacher }),
    ).map((s) => s.id);
    expect(oldest).toEqual([...newest].reverse());
    const first = await api(`/xapi/statements?agent=${agentParam(zaid)}&ascending=true&limit=4`, { token: teacher });
    const second = await api(first.body.more, { token: teacher });
    expect([...statementsOf(first), ...statementsOf(second)].map((s) => s.id)).toEqual(oldest);
    expect(second.body.more).toBe('');
  });

  it('limit=0 means the server maximum', async () => {
    const r = await api(`/xapi/statements?agent=${agentParam(zaid)}&limit=0`, { token: teacher });
    expect(statementsOf(r)).toHaveLength(7);
    expect(r.body.more).toBe('');
  });

  it('answers in one round trip, the sign-in check included', async () => {
    const list = await api(
      `/xapi/statements?agent=${agentParam(zaid)}&verb=${encodeURIComponent(VERB('completed'))}&limit=1`,
      { token: teacher },
    );
    expect(list.headers.get('x-db-queries')).toBe('1');
    const id = statementsOf(list)[0].id;
    expect((await api(`/xapi/statements?statementId=${id}`, { token: teacher })).headers.get('x-db-queries')).toBe('1');
  });
});

describe('GET /xapi/statements: refusals', () => {
  it('an agent that is not JSON is a 400 naming the parameter', async () => {
    const r = await api('/xapi/statements?agent=%7Bnot-json', { token: await tokenFor('admin') });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(r.body.error.details.errors[0].path).toEqual(['agent']);
    expect(r.headers.get(VERSION)).toBe('1.0.3');
  });

  it('an agent by e-mail is a 400 that says mbox is not supported', async () => {
    const agent = encodeURIComponent(JSON.stringify({ objectType: 'Agent', mbox: 'mailto:zaid@example.test' }));
    const r = await api(`/xapi/statements?agent=${agent}`, { token: await tokenFor('admin') });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/mbox is not supported/);
  });

  it('bad verbs, timestamps, limits, cursors and unknown parameters are 400s', async () => {
    const token = await tokenFor('admin');
    for (const query of [
      'verb=completed',
      'since=last-week',
      'until=2026-01-01T00:00:00',
      'limit=-3',
      'ascending=maybe',
      'cursor=abc',
      'registration=x',
      'statementId=nope',
    ]) {
      const r = await api(`/xapi/statements?${query}`, { token });
      expect({ query, status: r.status, version: r.headers.get(VERSION) }).toEqual({
        query,
        status: 400,
        version: '1.0.3',
      });
    }
  });
});

describe('GET /xapi/statements?statementId', () => {
  it('answers the statement itself, as stored, with stored and authority', async () => {
    const kid = await learner();
    const { lesson, course } = fixtures();
    await record(kid, [{ kind: 'lesson_completed', lesson, course, durationSeconds: 3723 }]);
    const admin = await tokenFor('admin');
    const [listed] = statementsOf(await api(`/xapi/statements?agent=${agentParam(kid)}`, { token: admin }));
    const r = await api(`/xapi/statements?statementId=${listed.id}`, { token: admin });
    expect(r.status).toBe(200);
    expect(r.headers.get(VERSION)).toBe('1.0.3');
    expect(r.body).toEqual(listed);
    expect(r.body).toMatchObject({
      verb: { id: VERB('completed') },
      object: { id: `${baseUrl()}/xapi/activities/lessons/${lesson.documentId}` },
      result: { completion: true, duration: 'PT1H2M3S' },
      context: { contextActivities: { parent: [{ id: `${baseUrl()}/xapi/activities/courses/${course.documentId}` }] } },
      authority: { objectType: 'Agent', account: { homePage: baseUrl() } },
    });
    expect(new Date(r.headers.get('last-modified')!).getTime()).toBe(
      Math.floor(Date.parse(listed.stored) / 1000) * 1000,
    );
  });

  it('an unknown id is a 404 with the version header', async () => {
    const r = await api(`/xapi/statements?statementId=${crypto.randomUUID()}`, {
      token: await tokenFor('teacher.yusuf'),
    });
    expect(r.status).toBe(404);
    expect(r.body.error.name).toBe('NotFoundError');
    expect(r.headers.get(VERSION)).toBe('1.0.3');
  });

  it('filters next to statementId are a 400', async () => {
    const r = await api(
      `/xapi/statements?statementId=${crypto.randomUUID()}&verb=${encodeURIComponent(VERB('passed'))}`,
      { token: await tokenFor('admin') },
    );
    expect(r.status).toBe(400);
    expect(r.body.error.message).toBe('verb: cannot be combined with statementId');
  });
});

describe('statements are immutable', () => {
  it('recording the same events again adds new statements and leaves the stored ones as they were', async () => {
    const kid = await learner();
    const { course } = fixtures();
    const events: LearningEvent[] = [{ kind: 'course_completed', course }];
    await record(kid, events);
    const before = await withDatabase((db) =>
      db.select().from(xapiStatements).where(eq(xapiStatements.userId, kid.id)),
    );
    expect(before).toHaveLength(1);

    await pause(5);
    await record(kid, events);
    const after = await withDatabase((db) => db.select().from(xapiStatements).where(eq(xapiStatements.userId, kid.id)));
    expect(after).toHaveLength(2);
    const original = after.find((row) => row.id === before[0]!.id);
    expect(original).toEqual(before[0]);
    const added = after.find((row) => row.id !== before[0]!.id)!;
    expect(added.statement.id).toBe(added.id);
    expect(added.statement.id).not.toBe(before[0]!.statement.id);

    const r = await api(`/xapi/statements?agent=${agentParam(kid)}`, { token: await tokenFor('admin') });
    expect(statementsOf(r).map((s) => s.id)).toEqual([added.id, before[0]!.id]);
  });

  it('rows keep the verb, activity and learner beside the statement, for the indexes', async () => {
    const kid = await learner();
    const { course } = fixtures();
    await record(kid, [{ kind: 'course_completed', course }]);
    const [row] = await withDatabase((db) => db.select().from(xapiStatements).where(eq(xapiStatements.userId, kid.id)));
    expect(row).toMatchObject({
      verb: VERB('completed'),
      activity: `${baseUrl()}/xapi/activities/courses/${course.documentId}`,
    });
    expect(row!.statement.stored).toBe(row!.stored.toISOString());
  });
});
