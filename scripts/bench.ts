// npm run bench — a measurement, not a test: a fixed dataset in a scratch database, the worker in
// workerd (wrangler dev), autocannon against four read/sign-in endpoints ("throughput"), and the worst
// list requests the query limits allow, timed one at a time ("query-limits"). Prints tables.
// BENCH_DURATION / BENCH_WARMUP (seconds) shorten the runs; DATABASE_URL picks the Postgres server,
// BENCH_DATABASE=embedded the embedded PGlite; BENCH_SECTIONS=throughput|query-limits runs only one.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import qs from 'qs';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { freePort } from '../db/local/free-port';
import { startLocalDatabase, type LocalDatabase } from '../db/local/local-database';
import { applyMigrations } from '../db/migrate';
import { CONTENT_TYPES } from '../worker/content/registry';
import type { AuthUser } from '../worker/env';
import { toBase64Url } from '../worker/lib/ids';
import { parseListQuery, parseQueryString } from '../worker/query/parse-query';
import { planFindMany } from '../worker/query/run-query';
import { hashPassword } from '../worker/lib/passwords';
import { createScratchDatabase } from '../tests/support/scratch-database';
import {
  BENCH_PASSWORD,
  buildDataset,
  COURSE_COUNT,
  LESSONS_PER_COURSE,
  mulberry32,
  STUDENT_COUNT,
  studentUsername,
  type BuildStep,
} from './bench/dataset';
import { measureEndpoint, type Endpoint, type Measurement, type Settings } from './bench/measure';
import { databaseCpuMs, median, timeQuery, type QueryTiming } from './bench/measure-queries';
import { ISSUE_ATTACK, WORST_ALLOWED_QUERIES } from './bench/worst-queries';
import { buildAppIfStale } from './start/build-app';
import { startWrangler } from './start/wrangler';

const SEED = 20260301;
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number of seconds, got ${process.env[name]}`);
  return value;
}

const settings: Settings = {
  connections: 10,
  duration: seconds('BENCH_DURATION', 20),
  warmup: seconds('BENCH_WARMUP', 5),
};
const SECTIONS = ['throughput', 'query-limits'] as const;
const sections = (process.env.BENCH_SECTIONS ?? SECTIONS.join(',')).split(',').map((s) => s.trim());
for (const section of sections) {
  if (!(SECTIONS as readonly string[]).includes(section))
    throw new Error(`BENCH_SECTIONS takes ${SECTIONS.join(', ')}; got ${section}`);
}
/** Timed runs of each worst allowed query, after one warm-up. */
const QUERY_RUNS = 5;
const BENCH_ADMIN = 'bench.admin';
const startedAt = performance.now();

// ---- cleanup, also on Ctrl+C and on errors -------------------------------------------------------

const cleanups: { name: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const { name, run } of cleanups.reverse()) {
      await run().catch((error: Error) => console.error(`cleanup (${name}) failed: ${error.message}`));
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the worker and dropping the scratch database…`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.once('uncaughtException', (error) => {
  console.error(`\nbench failed: ${error.stack ?? error}`);
  void cleanup().finally(() => process.exit(1));
});
// Output piped into a reader that went away (`| head`) must not end the run before the cleanup.
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});

// ---- database ---------------------------------------------------------------------------------------

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432), timeout: 1000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** A scratch database on a real server (dropped at the end), or the embedded PGlite as a last resort. */
async function openBenchDatabase(): Promise<{ database: LocalDatabase; label: string; caveat?: string }> {
  const candidates: { url: string; source: string }[] = [];
  if (process.env.BENCH_DATABASE === 'embedded') console.log('BENCH_DATABASE=embedded: using PGlite');
  else if (process.env.DATABASE_URL) candidates.push({ url: process.env.DATABASE_URL, source: 'DATABASE_URL' });
  else if (await reachable(DEFAULT_SERVER)) candidates.push({ url: DEFAULT_SERVER, source: 'default local server' });
  else console.log(`no Postgres answers at ${DEFAULT_SERVER}`);

  for (const { url, source } of candidates) {
    try {
      const scratch = await createScratchDatabase(url);
      cleanups.push({ name: 'drop scratch database', run: () => scratch.drop() });
      const database = await startLocalDatabase({ databaseUrl: scratch.databaseUrl });
      cleanups.push({ name: 'database relay', run: () => database.stop() });
      const name = new URL(scratch.databaseUrl).pathname.slice(1);
      return { database, label: `Postgres (${source}: ${redact(url)}), scratch database ${name}` };
    } catch (error) {
      if (source === 'DATABASE_URL') throw error;
      console.log(
        `cannot create a scratch database on ${redact(url)} (${(error as Error).message}); falling back to PGlite`,
      );
    }
  }
  const database = await startLocalDatabase({});
  cleanups.push({ name: 'embedded Postgres', run: () => database.stop() });
  return {
    database,
    label: 'embedded PGlite (in memory)',
    caveat:
      'PGlite runs every client in one session and the relay admits ONE connection at a time: requests are serialized, so these figures are NOT comparable with a real Postgres.',
  };
}

// ---- the endpoints --------------------------------------------------------------------------------

function problems(list: (string | false | undefined)[]): string | undefined {
  const found = list.filter((p): p is string => Boolean(p));
  return found.length ? found.join('; ') : undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function endpoints(courseDocumentId: string, identifier: string): Endpoint[] {
  const query = (params: object) => '?' + qs.stringify(params);
  return [
    {
      name: 'courses: filter, populate, sort',
      method: 'GET',
      path:
        '/api/courses' +
        query({
          filters: { category: { $eq: 'quran' }, isPublished: { $eq: 'true' } },
          populate: { instructor: '*' },
          pagination: { page: 1, pageSize: 20 },
          sort: ['createdAt:desc'],
        }),
      check: (body) => {
        const data = isObject(body) && Array.isArray(body.data) ? (body.data as Json[]) : undefined;
        if (!data) return 'no data array';
        const dates = data.map((c) => String(c.createdAt));
        return problems([
          data.length !== 20 && `${data.length} rows, expected 20`,
          data.some((c) => c.category !== 'quran') &&
            `filter on category not applied (categories: ${[...new Set(data.map((c) => c.category))].join(', ')})`,
          data.some((c) => c.isPublished !== true) && 'filter on isPublished not applied',
          data.some((c) => !isObject(c.instructor)) && 'instructor not populated',
          dates.some((d, i) => i > 0 && d > dates[i - 1]!) && 'not sorted by createdAt desc',
        ]);
      },
    },
    {
      name: 'course findOne: populate lessons, instructor',
      method: 'GET',
      path: `/api/courses/${courseDocumentId}` + query({ populate: { lessons: '*', instructor: '*' } }),
      check: (body) => {
        const data = isObject(body) && isObject(body.data) ? body.data : undefined;
        if (!data) return 'no data object';
        return problems([
          !Array.isArray(data.lessons)
            ? 'lessons not populated'
            : data.lessons.length !== LESSONS_PER_COURSE &&
              `${data.lessons.length} lessons, expected ${LESSONS_PER_COURSE}`,
          !isObject(data.instructor) && 'instructor not populated',
        ]);
      },
    },
    {
      name: 'lessons of a course: filter, sort',
      method: 'GET',
      path:
        '/api/lessons' +
        query({
          filters: { course: { documentId: { $eq: courseDocumentId } } },
          sort: ['order:asc'],
          pagination: { pageSize: 50 },
        }),
      check: (body) => {
        const data = isObject(body) && Array.isArray(body.data) ? (body.data as Json[]) : undefined;
        if (!data) return 'no data array';
        const orders = data.map((l) => Number(l.order));
        return problems([
          data.length !== LESSONS_PER_COURSE && `${data.length} rows, expected ${LESSONS_PER_COURSE}`,
          orders.some((o, i) => i > 0 && o < orders[i - 1]!) && 'not sorted by order asc',
        ]);
      },
    },
    {
      name: 'sign-in: POST /api/auth/local',
      method: 'POST',
      path: '/api/auth/local',
      body: { identifier, password: BENCH_PASSWORD },
      check: (body) => (isObject(body) && typeof body.jwt === 'string' ? undefined : 'no jwt in the answer'),
    },
  ];
}

// ---- output -----------------------------------------------------------------------------------------

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    '| ' + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ') + ' |';
  return [
    line(rows[0]!),
    '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|') + '|',
    ...rows.slice(1).map(line),
  ].join('\n');
}

const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(0)} ms`);

function reportQueryTimings(timings: QueryTiming[]) {
  if (!timings.length) return;
  console.log(`\n== Worst queries the limits allow (one request at a time: a warm-up, then ${QUERY_RUNS} timed runs)`);
  console.log(
    table([
      ['request', 'as', 'status', 'median', 'min', 'max', 'DB CPU/run', 'answer', 'DB round trips'],
      ...timings.map((t) => [
        t.query.name,
        t.query.as,
        String(t.status),
        ms(median(t.runs)),
        ms(Math.min(...t.runs)),
        ms(Math.max(...t.runs)),
        t.cpuMs === undefined ? '-' : ms(t.cpuMs),
        `${(t.bytes / 1024).toFixed(0)} KiB`,
        t.dbQueries,
      ]),
    ]),
  );
  for (const t of timings) if (t.error) console.log(`  ${t.query.name}: ${t.status} ${t.error}`);
  const allowed = timings.filter((t) => t.query !== ISSUE_ATTACK);
  const failed = allowed.filter((t) => t.status !== 200);
  if (failed.length) console.log(`\nFAILED: ${failed.length} worst allowed queries did not answer 200 (see above)`);
  else
    console.log(
      `\nSlowest worst allowed query: ${ms(Math.max(...allowed.map((t) => median(t.runs))))} (median wall clock), ` +
        `${ms(Math.max(...allowed.map((t) => t.cpuMs ?? 0)))} of database CPU per run`,
    );
  console.log(
    '  DB CPU/run: the statement alone on a connection of its own: the Postgres backend’s CPU time from /proc ' +
      '(a server on this machine; "-" for a remote one), or for the embedded PGlite this process’s CPU time.',
  );
}

function report(
  results: Measurement[],
  timings: QueryTiming[],
  machine: string[],
  build: BuildStep[],
  caveat?: string,
) {
  console.log('\n== Machine');
  for (const line of machine) console.log(`  ${line}`);
  console.log('\n== Dataset build');
  console.log(
    table([
      ['step', 'rows', 'time'],
      ...build.map((s) => [s.name, s.rows ? s.rows.toLocaleString('en') : '', ms(s.ms)]),
    ]),
  );
  if (results.length) reportThroughput(results);
  reportQueryTimings(timings);
  if (caveat) console.log(`\nNOTE: ${caveat}`);
  console.log(`\nWhole run: ${ms(performance.now() - startedAt)}`);
}

function reportThroughput(results: Measurement[]) {
  console.log(
    `\n== Results (${settings.connections} connections, ${settings.duration} s each after a ${settings.warmup} s warm-up; autocannon)`,
  );
  console.log(
    table([
      ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'DB round trips/request'],
      ...results.map((r) =>
        r.failure
          ? [r.endpoint.name, `FAILED (${r.status || 'no answer'})`, '-', '-', '-', r.dbQueries]
          : [r.endpoint.name, r.reqPerSec!.toFixed(1), String(r.p50), String(r.p99), String(r.non2xx), r.dbQueries],
      ),
    ]),
  );
  console.log('\nRequests:');
  results.forEach((r) =>
    console.log(`  ${r.endpoint.name}: ${r.endpoint.method} ${decodeURIComponent(r.endpoint.path)}`),
  );
  const failed = results.filter((r) => r.failure);
  if (failed.length) {
    console.log('\nFAILED endpoints (not measured):');
    failed.forEach((r) => console.log(`  ${r.endpoint.name}: ${r.failure}`));
  }
  const odd = results.filter((r) => !r.failure && (r.warning || r.non2xx || r.errors));
  if (odd.length) {
    console.log('\nWarnings (measured, but read the figures with care):');
    for (const r of odd) {
      if (r.warning) console.log(`  ${r.endpoint.name}: the 200 answer is not what was asked for: ${r.warning}`);
      if (r.non2xx)
        console.log(`  ${r.endpoint.name}: ${r.non2xx} non-2xx answers; status codes ${JSON.stringify(r.statusCodes)}`);
      if (r.errors) console.log(`  ${r.endpoint.name}: ${r.errors} socket errors/timeouts`);
    }
  }
}

// ---- main -------------------------------------------------------------------------------------------

async function main() {
  const { database, label, caveat } = await openBenchDatabase();
  console.log(`database: ${label}`);
  if (caveat) console.log(`NOTE: ${caveat}`);

  const build: BuildStep[] = [];
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const value = await work();
    build.push({ name, rows: 0, ms: performance.now() - t0 });
    console.log(`  ${name}: ${ms(performance.now() - t0)}`);
    return value;
  };
  await timed('migrations', () => applyMigrations(database));
  const passwordHash = await timed('one password hash (PBKDF2)', () => hashPassword(BENCH_PASSWORD));

  const handle = await openDatabase(database);
  // Bulk inserts are not API requests: the database's 5 s statement_timeout does not apply to them.
  await handle.db.execute(sql`SET statement_timeout = 0`);
  let version: string;
  let courseDocumentId: string;
  const pick = mulberry32(SEED ^ 0x5eed);
  try {
    const t0 = performance.now();
    const steps = await buildDataset(handle.db, { seed: SEED, passwordHash });
    // One admin, for the worst queries over every learner's rows.
    const admin = await handle.db.execute(
      sql`INSERT INTO users (document_id, username, email, password, role_id, confirmed)
          SELECT 'benchadmin00000000000000', ${BENCH_ADMIN}, 'bench.admin@bench.example', ${passwordHash}, id, true
          FROM roles WHERE type = 'admin'`,
    );
    steps.push({ name: 'admin (users)', rows: admin.rowCount ?? 0, ms: 0 });
    for (const s of steps)
      console.log(`  ${s.name}: ${s.rows ? `${s.rows.toLocaleString('en')} rows, ` : ''}${ms(s.ms)}`);
    build.push(...steps, { name: 'dataset total', rows: 0, ms: performance.now() - t0 });
    version = String((await handle.db.execute(sql`SELECT version() AS v`)).rows[0]?.v);
    const published = await handle.db.execute(sql`SELECT document_id FROM courses WHERE is_published ORDER BY id`);
    courseDocumentId = String(published.rows[Math.floor(pick() * published.rows.length)]?.document_id);
  } finally {
    // Closed before the worker starts: with PGlite the relay admits one connection at a time.
    await handle.close();
  }
  const identifier = studentUsername(1 + Math.floor(pick() * STUDENT_COUNT));

  await buildAppIfStale();
  process.env.EXPOSE_DB_STATS = '1';
  const port = await freePort();
  const persistTo = mkdtempSync(join(tmpdir(), 'lms-bench-'));
  cleanups.push({ name: 'temp dir', run: async () => rmSync(persistTo, { recursive: true, force: true }) });
  const t0 = performance.now();
  const worker = await startWrangler({
    port,
    database,
    jwtSecret: toBase64Url(crypto.getRandomValues(new Uint8Array(48))),
    persistTo,
    quiet: true,
  });
  cleanups.push({
    name: 'worker',
    run: async () => {
      worker.stop();
      await Promise.race([worker.exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  });
  console.log(`worker (wrangler dev) up on port ${port} in ${ms(performance.now() - t0)}`);

  const baseUrl = `http://127.0.0.1:${port}`;
  const results: Measurement[] = [];
  if (sections.includes('throughput')) {
    for (const endpoint of endpoints(courseDocumentId, identifier)) {
      console.log(`measuring ${endpoint.name}…`);
      const result = await measureEndpoint(baseUrl, endpoint, settings);
      if (result.failure) console.log(`  FAILED: ${result.failure}`);
      results.push(result);
    }
  }
  const timings: QueryTiming[] = [];
  if (sections.includes('query-limits')) {
    const signIn = await fetch(`${baseUrl}/api/auth/local`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: BENCH_ADMIN, password: BENCH_PASSWORD }),
    });
    const signedIn = (await signIn.json()) as { jwt?: string; user?: AuthUser };
    for (const query of [...WORST_ALLOWED_QUERIES, ISSUE_ATTACK]) {
      console.log(`timing ${query.name}…`);
      timings.push(await timeQuery(baseUrl, query, query.as === 'admin' ? signedIn.jwt : undefined, QUERY_RUNS));
    }
    // The same statements on a connection of our own: the database's CPU time, which other work on the
    // machine inflates far less than the wall-clock figures above.
    const direct = await openDatabase(database);
    try {
      for (const timing of timings.filter((t) => t.status === 200)) {
        const { query } = timing;
        const viewer = query.as === 'admin' ? ({ ...signedIn.user!, role: 'admin' } as AuthUser) : null;
        const parsed = parseListQuery(CONTENT_TYPES[query.type]!, parseQueryString(query.path.split('?')[1]!), viewer);
        const { statement } = planFindMany(parsed, viewer);
        timing.cpuMs = await databaseCpuMs(direct.db, statement, QUERY_RUNS, database.kind === 'embedded');
      }
    } finally {
      await direct.close();
    }
  }

  const cpu = cpus();
  report(
    results,
    timings,
    [
      `CPU: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}; RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${platform()} ${release()}`,
      `Node ${process.version}; load generator and workerd share this machine`,
      `Load average (1, 5, 15 min) at the end: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(', ')} (other work on the machine slows every figure)`,
      `Database: ${label}`,
      `Database version: ${version}`,
      `Dataset: ${COURSE_COUNT.toLocaleString('en')} courses, ${(COURSE_COUNT * LESSONS_PER_COURSE).toLocaleString('en')} lessons, ${STUDENT_COUNT.toLocaleString('en')} students (seed ${SEED}); course ${courseDocumentId}, sign-in as ${identifier}`,
    ],
    build,
    caveat,
  );
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error(`\nbench failed: ${(error as Error).stack ?? error}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
