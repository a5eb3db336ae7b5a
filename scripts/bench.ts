// npm run bench — a measurement, not a test: a fixed dataset in a scratch database, the worker in
// workerd (wrangler dev), and autocannon against the core read/sign-in endpoints, every analytics and
// observability endpoint, and the cost of recording API usage. Prints tables.
// `--scale 10` (or BENCH_SCALE=10) builds ten times the students and their learning; `--scale 1,10` runs
// both in turn and ends with a growth table. BENCH_DURATION / BENCH_WARMUP (seconds) shorten the core
// runs, BENCH_ANALYTICS_DURATION / BENCH_ANALYTICS_WARMUP the analytics ones; DATABASE_URL picks the server.
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client';
import { freePort } from '../db/local/free-port';
import { startLocalDatabase, type LocalDatabase } from '../db/local/local-database';
import { applyMigrations } from '../db/migrate';
import { toBase64Url } from '../worker/lib/ids';
import { hashPassword } from '../worker/lib/passwords';
import { createScratchDatabase } from '../tests/support/scratch-database';
import { analyticsEndpoints, analyticsTargets } from './bench/analytics-endpoints';
import { coreEndpoints } from './bench/core-endpoints';
import {
  BENCH_ADMIN,
  BENCH_PASSWORD,
  buildDataset,
  COURSE_COUNT,
  LESSONS_PER_COURSE,
  mulberry32,
  studentCount,
  studentUsername,
  type BuildStep,
} from './bench/dataset';
import { measureEndpoint, type Measurement, type Settings } from './bench/measure';
import { ms, printBuild, printGrowth, printMeasurements, printOverhead, type ScaleRun } from './bench/report';
import { middlewareCostMicros, usageOverhead } from './bench/usage-overhead';
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
// Reports are opened by one teacher or admin at a time, not by ten clients at once: one connection, so
// p50 is the time a report takes to answer.
const analyticsSettings: Settings = {
  connections: 1,
  duration: seconds('BENCH_ANALYTICS_DURATION', 5),
  warmup: seconds('BENCH_ANALYTICS_WARMUP', 1),
};
const overheadSettings: Settings = { connections: 10, duration: seconds('BENCH_OVERHEAD_DURATION', 6), warmup: 2 };
const OVERHEAD_ROUNDS = 4;

function scalesFromArguments(): number[] {
  const flag = process.argv.indexOf('--scale');
  const text = flag >= 0 ? process.argv[flag + 1] : process.env.BENCH_SCALE;
  const scales = (text ?? '1').split(',').map(Number);
  if (scales.some((n) => !Number.isInteger(n) || n < 1 || n > 50))
    throw new Error(`--scale takes whole numbers from 1 to 50, e.g. --scale 10 or --scale 1,10; got ${text}`);
  return scales;
}
const startedAt = performance.now();

// ---- cleanup, also on Ctrl+C and on errors -------------------------------------------------------

const cleanups: { name: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;

/** Undoes what was set up since `mark` (one scale's database and workers), newest first. */
async function cleanupSince(mark: number): Promise<void> {
  for (const { name, run } of cleanups.splice(mark).reverse()) {
    await run().catch((error: Error) => console.error(`cleanup (${name}) failed: ${error.message}`));
  }
}

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
  if (process.env.DATABASE_URL) candidates.push({ url: process.env.DATABASE_URL, source: 'DATABASE_URL' });
  else if (await reachable(DEFAULT_SERVER)) candidates.push({ url: DEFAULT_SERVER, source: 'default local server' });
  else console.log(`no Postgres answers at ${DEFAULT_SERVER}`);

  for (const { url, source } of candidates) {
    try {
      const scratch = await createScratchDatabase(url);
      cleanups.push({ name: 'drop scratch database', run: () => scratch.drop() });
      const database = await startLocalDatabase({ databaseUrl: scratch.databaseUrl });
      cleanups.push({ name: 'database proxy', run: () => database.stop() });
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
      'PGlite is one Postgres session and the local proxy lends it to ONE client at a time: requests are serialized, so these figures are NOT comparable with a real Postgres.',
  };
}

// ---- main -------------------------------------------------------------------------------------------

async function signIn(baseUrl: string, identifier: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/local`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier, password: BENCH_PASSWORD }),
  });
  const body = (await response.json()) as { jwt?: string };
  if (!body.jwt) throw new Error(`signing in as ${identifier} failed (${response.status})`);
  return body.jwt;
}

async function startBenchWorker(database: LocalDatabase, name: string, vars: Record<string, string>) {
  const port = await freePort();
  const persistTo = mkdtempSync(join(tmpdir(), 'lms-bench-'));
  cleanups.push({ name: `${name} temp dir`, run: async () => rmSync(persistTo, { recursive: true, force: true }) });
  const t0 = performance.now();
  const worker = await startWrangler({
    port,
    database,
    jwtSecret: toBase64Url(crypto.getRandomValues(new Uint8Array(48))),
    persistTo,
    quiet: true,
    vars,
  });
  cleanups.push({
    name,
    run: async () => {
      worker.stop();
      await Promise.race([worker.exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  });
  console.log(`${name} (wrangler dev) up on port ${port} in ${ms(performance.now() - t0)}`);
  return `http://127.0.0.1:${port}`;
}

async function measureAll(baseUrl: string, endpoints: ReturnType<typeof coreEndpoints>, with_: Settings) {
  const results: Measurement[] = [];
  for (const endpoint of endpoints) {
    console.log(`measuring ${endpoint.name}…`);
    const result = await measureEndpoint(baseUrl, endpoint, with_);
    if (result.failure) console.log(`  FAILED: ${result.failure}`);
    results.push(result);
  }
  return results;
}

async function runScale(scale: number): Promise<ScaleRun> {
  const mark = cleanups.length;
  console.log(`\n######## scale ${scale}x: ${studentCount(scale).toLocaleString('en')} students ########`);
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
  let version: string;
  let courseDocumentId: string;
  let counts: Record<string, number>;
  let targets: Awaited<ReturnType<typeof analyticsTargets>>;
  const pick = mulberry32(SEED ^ 0x5eed);
  try {
    const t0 = performance.now();
    const steps = await buildDataset(handle.db, { seed: SEED, passwordHash, scale });
    for (const s of steps)
      console.log(`  ${s.name}: ${s.rows ? `${s.rows.toLocaleString('en')} rows, ` : ''}${ms(s.ms)}`);
    build.push(...steps, { name: 'dataset total', rows: 0, ms: performance.now() - t0 });
    version = String((await handle.db.execute(sql`SELECT version() AS v`)).rows[0]?.v);
    const published = await handle.db.execute(sql`SELECT document_id FROM courses WHERE is_published ORDER BY id`);
    courseDocumentId = String(published.rows[Math.floor(pick() * published.rows.length)]?.document_id);
    targets = await analyticsTargets(handle.db);
    const tally = await handle.db.execute<Record<string, number>>(sql`
      SELECT (SELECT count(*) FROM course_enrollments)::int AS enrollments,
             (SELECT count(*) FROM user_progresses)::int AS progress,
             (SELECT count(*) FROM progress_events)::int AS events,
             (SELECT count(*) FROM quiz_attempts)::int AS attempts`);
    counts = tally.rows[0]!;
  } finally {
    // Closed before the worker starts: PGlite serves one connection at a time.
    await handle.close();
  }
  const identifier = studentUsername(1 + Math.floor(pick() * studentCount(scale)));

  await buildAppIfStale();
  process.env.EXPOSE_DB_STATS = '1';
  const recording = await startBenchWorker(database, 'worker', { API_USAGE_STORE: 'memory' });

  const core = coreEndpoints(courseDocumentId, identifier);
  const coreResults = await measureAll(recording, core, settings);
  const teacherJwt = await signIn(recording, 'bench.teacher.001');
  const adminJwt = await signIn(recording, BENCH_ADMIN);
  const analyticsResults = await measureAll(
    recording,
    analyticsEndpoints(targets, teacherJwt, adminJwt),
    analyticsSettings,
  );

  const off = await startBenchWorker(database, 'worker without usage recording', { API_USAGE_STORE: 'off' });
  console.log(`measuring the cost of recording API usage (${OVERHEAD_ROUNDS} rounds)…`);
  const overhead = await usageOverhead(recording, off, core[0]!, overheadSettings, OVERHEAD_ROUNDS);
  overhead.inProcess = await middlewareCostMicros();

  const cpu = cpus();
  console.log(`\n######## results at scale ${scale}x ########`);
  console.log('\n== Machine');
  for (const line of [
    `CPU: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}; RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${platform()} ${release()}`,
    `Node ${process.version}; load generator, workerd and Postgres share this machine`,
    `Database: ${label}`,
    `Database version: ${version}`,
    `Dataset (scale ${scale}, seed ${SEED}): ${COURSE_COUNT.toLocaleString('en')} courses + the big class, ${(COURSE_COUNT * LESSONS_PER_COURSE).toLocaleString('en')} lessons + 40, ${studentCount(scale).toLocaleString('en')} students, ${counts.enrollments!.toLocaleString('en')} enrollments, ${counts.progress!.toLocaleString('en')} progress rows, ${counts.events!.toLocaleString('en')} progress events, ${counts.attempts!.toLocaleString('en')} quiz attempts`,
    `Core: course ${courseDocumentId}, sign-in as ${identifier}. Analytics: bench.teacher.001 (20 courses and the big class of ${targets.classSize.toLocaleString('en')}), and ${BENCH_ADMIN}`,
  ])
    console.log(`  ${line}`);
  printBuild(build);
  printMeasurements('Core endpoints', coreResults, settings);
  printMeasurements('Analytics and observability endpoints', analyticsResults, analyticsSettings);
  printOverhead(core[0]!.name, overhead, overheadSettings);
  if (caveat) console.log(`\nNOTE: ${caveat}`);

  await cleanupSince(mark);
  return { scale, results: [...coreResults, ...analyticsResults] };
}

async function main() {
  const runs: ScaleRun[] = [];
  for (const scale of scalesFromArguments()) runs.push(await runScale(scale));
  printGrowth(runs);
  console.log(`\nWhole run: ${ms(performance.now() - startedAt)}`);
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
