// npm run bench:data-path — a measurement, not a test: how long one read takes over each data path of
// the local proxy, with the Neon driver in Node (no worker in between), on a real Postgres (a scratch
// database on DATABASE_URL's server, else 127.0.0.1:5432) and on the embedded PGlite. The proxy runs in a
// child process (scripts/bench/proxy-process.ts), as it does beside workerd under `npm start`.
//   1. latency of SELECT 1, one client: SQL over HTTP, a fresh WebSocket session per statement (what
//      the worker does today), a statement on an open session, and a new Postgres backend per statement
//      (what the old relay cost, without its WebSocket);
//   2. throughput of the Q1 statement (runtime-facts.md) with 10 concurrent clients, over HTTP and over
//      a fresh WebSocket session per statement, on the benchmark's dataset.
// BENCH_DURATION (seconds per throughput run, default 10) and BENCH_SAMPLES (default 500) shorten it.
import { Client, neon, neonConfig } from '@neondatabase/serverless';
import { configureDriver, openDatabase } from '../db/client';
import type { LocalDatabase } from '../db/local/local-database';
import { openPostgresConnection } from '../db/local/postgres-connection';
import { runStatement } from '../db/local/run-statements';
import { applyMigrations } from '../db/migrate';
import { hashPassword } from '../worker/lib/passwords';
import { createScratchDatabase } from '../tests/support/scratch-database';
import { postgresAnswers, postgresServerUrl } from '../tests/support/local-backends';
import { BENCH_PASSWORD, buildDataset } from './bench/dataset';
import { startProxyProcess } from './bench/proxy-child';
import { q1Statement } from './bench/q1-statement';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);
const CONCURRENCY = 10;

interface Row {
  backend: string;
  path: string;
  mean: number;
  p50: number;
  p99: number;
  perSecond: number;
  failures: number;
}
const rows: Row[] = [];

async function sample(backend: string, path: string, count: number, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < Math.min(50, count); i++) await run();
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  record(backend, path, times, performance.now() - started, 0);
}

async function load(backend: string, path: string, run: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  let failures = 0;
  const until = performance.now() + DURATION_S * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await run().then(
          () => times.push(performance.now() - t0),
          () => (failures += 1),
        );
      }
    }),
  );
  record(backend, path, times, performance.now() - started, failures);
}

function record(backend: string, path: string, times: number[], elapsed: number, failures: number) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const row = {
    backend,
    path,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    p50: at(0.5),
    p99: at(0.99),
    perSecond: (times.length / elapsed) * 1000,
    failures,
  };
  rows.push(row);
  console.log(`  ${path}: p50 ${row.p50.toFixed(2)} ms, ${row.perSecond.toFixed(0)}/s`);
}

async function prepare(database: LocalDatabase): Promise<void> {
  await applyMigrations(database);
  const handle = await openDatabase(database);
  try {
    await buildDataset(handle.db, { seed: 20261125, passwordHash: await hashPassword(BENCH_PASSWORD) });
  } finally {
    await handle.close();
  }
}

async function measure(backend: string, database: LocalDatabase): Promise<void> {
  console.log(`${backend}: building the dataset…`);
  await prepare(database);
  configureDriver(database.wsProxy);
  neonConfig.fetchEndpoint = database.sqlHttpUrl!;
  const http = neon(database.databaseUrl);
  const httpQuery = (text: string, params: unknown[] = []) => http.query(text, params);
  const freshSession = async (text: string, params: unknown[] = []) => {
    const client = new Client(database.databaseUrl);
    await client.connect();
    try {
      return await client.query(text, params);
    } finally {
      await client.end();
    }
  };

  console.log(`${backend}: SELECT 1, one client`);
  await sample(backend, 'SELECT 1 over HTTP', SAMPLES, () => httpQuery('SELECT 1'));
  await sample(backend, 'SELECT 1, fresh WebSocket session', Math.ceil(SAMPLES / 2), () => freshSession('SELECT 1'));
  const open = new Client(database.databaseUrl);
  await open.connect();
  await sample(backend, 'SELECT 1 on an open WebSocket session', SAMPLES, () => open.query('SELECT 1'));
  await open.end();
  if (backend.startsWith('Postgres')) {
    const url = new URL(database.databaseUrl);
    const login = {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
    };
    await sample(backend, 'SELECT 1, new Postgres backend (TCP, no pool)', Math.ceil(SAMPLES / 4), async () => {
      const connection = await openPostgresConnection(login);
      await runStatement(connection, { query: 'SELECT 1', params: [] });
      connection.close();
    });
  }

  const q1 = await q1Statement();
  const check = await httpQuery(q1.text, q1.params);
  if (check.length !== 20) throw new Error(`Q1 answered ${check.length} rows, expected 20`);
  console.log(`${backend}: Q1, ${CONCURRENCY} concurrent clients, ${DURATION_S} s each`);
  await load(backend, `Q1 over HTTP (${CONCURRENCY} clients)`, () => httpQuery(q1.text, q1.params));
  await load(backend, `Q1, fresh WebSocket session (${CONCURRENCY} clients)`, () => freshSession(q1.text, q1.params));
}

if (postgresAnswers) {
  const scratch = await createScratchDatabase(postgresServerUrl);
  const database = await startProxyProcess(scratch.databaseUrl);
  try {
    await measure(`Postgres ${new URL(postgresServerUrl).host}`, database);
  } finally {
    await database.stop();
    await scratch.drop();
  }
} else console.log(`no Postgres answers at ${new URL(postgresServerUrl).host}: measuring PGlite only`);

const embedded = await startProxyProcess('');
try {
  await measure('PGlite (embedded)', embedded);
} finally {
  await embedded.stop();
}

console.log(
  '\n| database | path | mean ms | p50 ms | p99 ms | per second | failures |\n| --- | --- | --- | --- | --- | --- | --- |',
);
for (const r of rows) {
  const f = (n: number) => n.toFixed(2);
  console.log(
    `| ${r.backend} | ${r.path} | ${f(r.mean)} | ${f(r.p50)} | ${f(r.p99)} | ${r.perSecond.toFixed(0)} | ${r.failures} |`,
  );
}
process.exit(0);
