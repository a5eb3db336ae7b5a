import fc from 'fast-check';
import qs from 'qs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../db/seed/demo-users';
import { createApp } from '../../worker/app';
import { api, baseUrl, registerStudent, tokenFor, unique } from '../support/api';
import { BODY_SCHEMAS } from '../support/body-schemas';
import { edgeStrings, shaped } from '../support/zod-arbitraries';

// Thousands of generated requests across every route the worker declares, from every kind of caller,
// against the real worker and database: none may answer 500, and every 4xx must be Strapi's error
// envelope. The requests come from a seed (printed; FUZZ_SEED=<seed> replays a run). The database is
// shared with the other test files, so the fuzz writes only through accounts it creates, and shifts
// every numeric reference it sends past the ids that exist (see `awayFromRealRows`).
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2500);
const CONCURRENCY = 4;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

type Actor = 'anonymous' | 'student' | 'parent' | 'teacher' | 'admin';
interface Caller {
  token?: string;
  /** Documents and accounts this caller owns or may name: the fuzz's own, never the demo data's. */
  keys: string[];
}

/** Every route of the app, as "METHOD /path" with Hono's patterns, the catch-all excepted. */
const ROUTES = [
  ...new Set(
    createApp()
      .routes.filter((r) => r.method !== 'ALL' && r.path !== '*' && r.path !== '/*')
      .map((r) => `${r.method} ${r.path}`),
  ),
];

const callers = {} as Record<Actor, Caller>;

beforeAll(async () => {
  const admin = await tokenFor('admin');
  const create = async (role: 'teacher' | 'parent') => {
    const username = unique(`fuzz.${role}.`);
    const password = 'fuzz-password-1';
    const r = await api('/api/users', {
      token: admin,
      body: { username, password, role, email: `${username}@x.test` },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const signedIn = await api('/api/auth/local', { body: { identifier: username, password } });
    return { token: signedIn.body.jwt as string, documentId: r.body.documentId as string };
  };
  const [teacher, parent, student] = await Promise.all([create('teacher'), create('parent'), registerStudent()]);
  // A course, lesson and quiz of the fuzz teacher's own, to aim the document routes at.
  const course = await api('/api/courses', {
    token: teacher.token,
    body: { data: { title: unique('Fuzz '), category: 'fiqh' } },
  });
  const lesson = await api('/api/lessons', {
    token: teacher.token,
    body: { data: { title: 'Fuzz lesson', order: 1, course: course.body.data.documentId, type: 'quiz' } },
  });
  const quiz = await api('/api/quizzes', {
    token: teacher.token,
    body: { data: { title: 'Fuzz quiz', lesson: lesson.body.data.documentId, questions: [] } },
  });
  const owned = [course, lesson, quiz].map((r) => r.body?.data?.documentId).filter(Boolean) as string[];
  const people = [teacher.documentId, parent.documentId, student.user.documentId as string];
  callers.anonymous = { keys: owned };
  callers.student = { token: student.jwt, keys: [...owned, student.user.documentId] };
  callers.parent = { token: parent.token, keys: [...owned, ...people] };
  callers.teacher = { token: teacher.token, keys: [...owned, ...people] };
  callers.admin = { token: admin, keys: [...owned, ...people] };
}, 60_000);

const READ_ONLY: Actor[] = ['admin'];
const demoNames = new Set(DEMO_USERS.flatMap((u) => [u.username, u.email ?? '']).filter(Boolean));

/** Keys that name other rows; numbers under them are moved past every id the database holds. */
const REFERENCES = new Set(['parent', 'child', 'user', 'achievement', 'course', 'lesson', 'quiz', 'instructor']);
const REFERENCES_TOO = new Set(['coverImage', 'photo', 'icon', 'media', 'attachments', 'prerequisites', 'id']);

/**
 * The database is shared: a generated `{ parent: 4, child: 5 }` must not link two demo accounts, nor
 * an award reach a demo student. Numbers (and digit strings) that name rows are shifted far past the
 * ids that exist, keeping their size class (small stays valid int4, huge stays huge).
 */
function awayFromRealRows(value: unknown, inReference = false): unknown {
  if (Array.isArray(value)) return value.map((v) => awayFromRealRows(v, inReference));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        awayFromRealRows(v, inReference || REFERENCES.has(k) || REFERENCES_TOO.has(k)),
      ]),
    );
  if (!inReference) return value;
  if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 100_000_000)
    return value + 1_000_000_000;
  if (typeof value === 'string' && /^\d{1,8}$/.test(value) && Number(value) > 0)
    return String(Number(value) + 1_000_000_000);
  return value;
}

/** What may not happen to the shared database whatever the fuzz sends, made impossible per route. */
function sanitize(route: string, body: unknown): unknown {
  const safe = awayFromRealRows(body) as Record<string, unknown> | unknown;
  if (!safe || typeof safe !== 'object' || Array.isArray(safe)) return safe;
  const object = { ...(safe as Record<string, unknown>) };
  // Failed sign-ins count against an identifier: never a demo account's, or other tests would be throttled.
  if (
    route === 'POST /api/auth/local' &&
    typeof object.identifier === 'string' &&
    demoNames.has(object.identifier.trim())
  )
    object.identifier = `fuzz-${object.identifier}`;
  // A changed password would sign the fuzz's own callers out for the rest of the run.
  if (route === 'PUT /api/users/:id') delete object.password;
  // An achievement every learner can earn would change other tests' points: criteria are never valid.
  if (route.includes('/api/achievements') && object.data && typeof object.data === 'object')
    object.data = { ...(object.data as object), criteria: { type: 'fuzz' } };
  return object;
}

const pathValue = (keys: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...keys) },
    { weight: 3, arbitrary: edgeStrings },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '0',
        '-1',
        '2147483647',
        '2147483648',
        '99999999999999999999',
        '1e3',
        'toString',
        '__proto__',
      ),
    },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom('a%00b', '%ZZ', '..%2F..%2Fetc', 'x'.repeat(500)) },
  );

/** The query string: Strapi's parameters for lists, the route's own for others, noise for the rest. */
const strapiQuery = fc.record(
  {
    filters: fc.oneof(
      fc.dictionary(
        fc.constantFrom('title', 'id', 'createdAt', 'course', 'lessons', 'toString', '$or', 'status'),
        fc.oneof(
          edgeStrings,
          fc.dictionary(fc.constantFrom('$eq', '$in', '$containsi', '$between', '$null', 'x'), edgeStrings, {
            maxKeys: 2,
          }),
        ),
        { maxKeys: 3 },
      ),
      edgeStrings,
    ),
    sort: fc.oneof(edgeStrings, fc.constantFrom('title:desc', 'createdAt', 'course.title', 'constructor')),
    populate: fc.oneof(fc.constantFrom('*', 'course', 'lessons', 'user', 'toString'), edgeStrings),
    pagination: fc.record(
      { page: edgeStrings, pageSize: edgeStrings, start: edgeStrings, limit: edgeStrings },
      { requiredKeys: [] },
    ),
    fields: edgeStrings,
    status: edgeStrings,
  },
  { requiredKeys: [] },
);
const otherQuery = fc.dictionary(
  fc.constantFrom(
    'period',
    'ageTier',
    'course',
    'child',
    'limit',
    'start',
    'agent',
    'verb',
    'activity',
    'since',
    'until',
    'ascending',
    'cursor',
    'statementId',
    'pagination[page]',
    'pagination[pageSize]',
    'x',
  ),
  fc.oneof(
    edgeStrings,
    fc.constantFrom(
      'week',
      'month',
      'all',
      'children',
      '{"account":{"homePage":"http://x","name":"a"}}',
      '2026-01-01T00:00:00Z',
    ),
  ),
  { maxKeys: 3 },
);

/** A URL cannot carry a lone surrogate (it has no UTF-8 form); bodies can, and do. */
const wellFormed = (text: string) =>
  text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

interface FuzzRequest {
  route: string;
  actor: Actor;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

const request: fc.Arbitrary<FuzzRequest> = fc
  .record({
    route: fc.constantFrom(...ROUTES),
    actor: fc.constantFrom<Actor>('anonymous', 'student', 'parent', 'teacher', 'admin'),
  })
  .chain(({ route, actor }) => {
    const [declared, pattern] = route.split(' ') as [string, string];
    const caller = callers[actor];
    const schemas = BODY_SCHEMAS.filter((b) => b.route === route);
    const json = schemas.length
      ? fc.constantFrom(...schemas).chain((b) => shaped(b.schema, 6).map((v) => (b.inData ? { data: v } : v)))
      : fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 3 }));
    const params = (pattern.match(/:\w+|\*/g) ?? []).map(() => pathValue(caller.keys));
    return fc
      .record({
        // Now and then a method the route does not take, or a body sent where none is read.
        method: fc.oneof(
          { weight: 12, arbitrary: fc.constant(declared) },
          { weight: 1, arbitrary: fc.constantFrom('PATCH', 'DELETE', 'PUT', 'POST', 'HEAD') },
        ),
        values: fc.tuple(...params),
        query:
          pattern.match(/^\/api\/[\w-]+(\/:documentId)?$/) || pattern === '/api/upload/files'
            ? strapiQuery
            : otherQuery,
        body: fc.oneof(
          { weight: 10, arbitrary: json },
          { weight: 1, arbitrary: fc.constantFrom('{"data":', 'null', '[]', '"\\u0000"', '{"a":'.repeat(40)) },
        ),
        multipart: fc.boolean(),
        auth: fc.oneof(
          { weight: 12, arbitrary: fc.constant(caller.token && `Bearer ${caller.token}`) },
          { weight: 1, arbitrary: fc.constantFrom('Bearer x', 'Basic YTpi', 'Bearer ' + 'a'.repeat(500)) },
        ),
      })
      .map(({ method, values, query, body, multipart, auth }): FuzzRequest => {
        const effective = READ_ONLY.includes(actor) && method !== 'GET' && method !== 'HEAD' ? 'GET' : method;
        let i = 0;
        const path = pattern.replace(/:\w+|\*/g, () => {
          const value = values[i++] as string;
          // Already-encoded edge cases (%00, %ZZ) go in as they are; the rest are encoded.
          return /%/.test(value) ? value : encodeURIComponent(wellFormed(value));
        });
        const search = qs.stringify(query, {
          encodeValuesOnly: true,
          encoder: (text, encode) => encode(typeof text === 'string' ? wellFormed(text) : text),
        });
        const headers: Record<string, string> = auth ? { authorization: auth } : {};
        const safeBody = typeof body === 'string' ? body : sanitize(route, body);
        let sent: string | FormData | undefined;
        if (effective !== 'GET' && effective !== 'HEAD' && safeBody !== undefined) {
          if (route === 'POST /api/upload' && multipart) {
            const form = new FormData();
            form.append('files', new Blob([typeof body === 'string' ? body : JSON.stringify(safeBody)]), 'fuzz.png');
            form.append('fileInfo', typeof safeBody === 'string' ? safeBody : JSON.stringify(safeBody));
            sent = form;
          } else {
            headers['content-type'] = 'application/json';
            sent = typeof safeBody === 'string' ? safeBody : JSON.stringify(safeBody);
          }
        }
        return { route, actor, method: effective, path: search ? `${path}?${search}` : path, headers, body: sent };
      });
  });

interface Outcome {
  request: FuzzRequest;
  status: number;
  problem?: string;
}

async function send(r: FuzzRequest): Promise<Outcome> {
  const response = await fetch(baseUrl() + r.path, { method: r.method, headers: r.headers, body: r.body });
  const text = await response.text();
  const outcome: Outcome = { request: r, status: response.status };
  if (response.status >= 500) outcome.problem = `${response.status}: ${text.slice(0, 300)}`;
  else if (response.status >= 400 && r.method !== 'HEAD') {
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      outcome.problem = `${response.status} without a JSON body: ${text.slice(0, 200)}`;
      return outcome;
    }
    const error = body?.error;
    const envelope =
      body?.data === null &&
      error?.status === response.status &&
      typeof error?.name === 'string' &&
      typeof error?.message === 'string' &&
      typeof error?.details === 'object' &&
      error.details !== null;
    if (!envelope) outcome.problem = `${response.status} outside the error envelope: ${text.slice(0, 200)}`;
  }
  return outcome;
}

describe('HTTP fuzz against the running worker', () => {
  it(`${REQUESTS} generated requests over every route: no 500, and every 4xx in Strapi's error envelope`, async () => {
    const requests = fc.sample(request, { numRuns: REQUESTS, seed: SEED });
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) outcomes.push(await send(requests[next++]!));
      }),
    );
    const statuses = new Map<number, number>();
    for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    const covered = new Set(outcomes.map((o) => o.request.route));
    const serverErrors = outcomes.filter((o) => o.status >= 500).length;
    console.log(
      `HTTP fuzz (seed ${SEED}): ${outcomes.length} requests over ${covered.size} of ${ROUTES.length} routes; ` +
        `${serverErrors} answered 5xx; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    const problems = outcomes.filter((o) => o.problem);
    expect(
      problems.slice(0, 10).map((o) => `${o.request.actor} ${o.request.method} ${o.request.path} → ${o.problem}`),
      `seed ${SEED}`,
    ).toEqual([]);
    expect(outcomes.length).toBe(REQUESTS);
    // Every route met the fuzz, and not only its refusals: some requests got through to a 2xx.
    expect([...ROUTES].filter((route) => !covered.has(route))).toEqual([]);
    // About one in twenty is accepted; one in fifty is far below any run's share (well past chance).
    expect(outcomes.filter((o) => o.status < 300).length).toBeGreaterThan(REQUESTS / 50);
  }, 600_000);
});
