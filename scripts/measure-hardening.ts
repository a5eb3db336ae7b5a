// npx tsx scripts/measure-hardening.ts — figures for the hardening of sign-in, learning writes and uploads
// (a measurement, not a test). Starts a scratch database (DATABASE_URL's server, else the embedded PGlite)
// and a worker under `wrangler dev` with EXPOSE_DB_STATS=1, then:
//   1. 100 concurrent wrong sign-ins for one account, each from its own address: answers and PBKDF2 runs;
//   2. 50 concurrent first progress events of one learner for one lesson: answers and the merged record;
//   3. a 90 MB video sent to POST /api/upload in 1 MB chunks: the peak memory of the workerd processes.
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { freePort } from '../db/local/free-port';
import { DEMO_PASSWORD } from '../db/seed/demo-users';
import { startTestDatabase } from '../tests/support/test-database';
import * as fixture from '../tests/support/media-fixtures';
import { startWorker } from './start/worker-runtime';

const MB = 1024 * 1024;
let addresses = 0;
const address = () => `2001:db8::${(++addresses).toString(16)}`;

async function call(base: string, path: string, init: { token?: string; body?: unknown; method?: string } = {}) {
  const response = await fetch(base + path, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      'content-type': 'application/json',
      'cf-connecting-ip': address(),
      ...(init.token && { authorization: `Bearer ${init.token}` }),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const tally = (statuses: number[]) =>
  Object.entries(statuses.reduce<Record<number, number>>((n, s) => ({ ...n, [s]: (n[s] ?? 0) + 1 }), {}))
    .map(([status, count]) => `${count} × ${status}`)
    .join(', ');

/** Resident memory (KiB) of each workerd process started by this one, by pid. */
function workerdMemory(): Map<number, number> {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,comm='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const mine = new Set([process.pid]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [pid, ppid] of rows)
      if (mine.has(Number(ppid)) && !mine.has(Number(pid))) {
        mine.add(Number(pid));
        grown = true;
      }
  }
  return new Map(
    rows
      .filter(([pid, , , comm]) => mine.has(Number(pid)) && comm === 'workerd')
      .map(([pid, , rss]) => [Number(pid), Number(rss)]),
  );
}

async function signInBurst(base: string) {
  const username = `burst${Date.now().toString(36)}`;
  const password = 'the-right-password-1';
  await call(base, '/api/auth/local/register', { body: { username, email: `${username}@example.test`, password } });
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      call(base, '/api/auth/local', { body: { identifier: username, password: `guess-${i}` } }),
    ),
  );
  const checks = answers.reduce((n, a) => n + Number(a.headers.get('x-password-checks') ?? 0), 0);
  const right = await call(base, '/api/auth/local', { body: { identifier: username, password } });
  console.log(
    `sign-in burst: 100 concurrent wrong guesses in ${Date.now() - started} ms: ${tally(answers.map((a) => a.status))}`,
  );
  console.log(`  PBKDF2 runs: ${checks}; the right password afterwards: ${right.status}`);
}

async function progressBurst(base: string) {
  const teacher = (
    await call(base, '/api/auth/local', { body: { identifier: 'teacher.amina', password: DEMO_PASSWORD } })
  ).body.jwt;
  const course = await call(base, '/api/courses', {
    token: teacher,
    body: { data: { title: `Burst ${Date.now()}`, category: 'fiqh', isPublished: true } },
  });
  const lesson = await call(base, '/api/lessons', {
    token: teacher,
    body: { data: { title: 'One', order: 1, course: course.body.data.documentId, type: 'article' } },
  });
  const learner = `learner${Date.now().toString(36)}`;
  const token = (
    await call(base, '/api/auth/local/register', {
      body: { username: learner, email: `${learner}@example.test`, password: 'long-enough-pw' },
    })
  ).body.jwt;
  const lessonId = lesson.body.data.documentId;
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      call(base, '/api/user-progresses', {
        token,
        body: { data: { eventId: crypto.randomUUID(), lesson: lessonId, progress: i + 1, timeSpent: 1 } },
      }),
    ),
  );
  const record = (await call(base, `/api/user-progresses?filters[lesson][documentId][$eq]=${lessonId}`, { token })).body
    .data[0];
  console.log(
    `learning burst: 50 concurrent first events in ${Date.now() - started} ms: ${tally(answers.map((a) => a.status))}`,
  );
  console.log(`  record: timeSpent ${record.timeSpent} (50 expected), progress ${record.progress}`);
}

async function bigUpload(base: string, megabytes: number) {
  const admin = (await call(base, '/api/auth/local', { body: { identifier: 'admin', password: DEMO_PASSWORD } })).body
    .jwt;
  const before = workerdMemory();
  const peak = new Map(before);
  const sampler = setInterval(() => {
    for (const [pid, rss] of workerdMemory()) peak.set(pid, Math.max(peak.get(pid) ?? 0, rss));
  }, 100);
  const started = Date.now();
  const status = await new Promise<number>((resolve, reject) => {
    const upload = request(`${base}/api/upload`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${admin}`,
        'content-type': 'multipart/form-data; boundary=measure',
        'transfer-encoding': 'chunked',
      },
    });
    upload.on('response', (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    upload.on('error', reject);
    upload.write('--measure\r\nContent-Disposition: form-data; name="files"; filename="lesson.mp4"\r\n\r\n');
    upload.write(fixture.mp4());
    const chunk = new Uint8Array(MB);
    let sent = 0;
    const pump = () => {
      while (sent < megabytes) {
        sent += 1;
        if (!upload.write(chunk)) return void upload.once('drain', pump);
      }
      upload.end('\r\n--measure--\r\n');
    };
    pump();
  });
  clearInterval(sampler);
  const mib = (kib: number) => Math.round(kib / 1024);
  const growth = [...peak].map(([pid, rss]) => `+${mib(rss - (before.get(pid) ?? 0))}`).join(', ');
  console.log(`upload: ${megabytes} MB video, chunked, answered ${status} in ${Date.now() - started} ms`);
  console.log(`  peak growth of each workerd process (MiB, the worker's and wrangler's proxy and storage): ${growth}`);
}

const database = await startTestDatabase();
const port = await freePort();
process.env.EXPOSE_DB_STATS = '1';
const worker = await startWorker({
  port,
  database,
  jwtSecret: crypto.randomUUID() + crypto.randomUUID(),
  persistTo: join(tmpdir(), `lms-measure-${port}`),
  quiet: true,
});
const base = `http://127.0.0.1:${port}`;
try {
  console.log(`database: ${database.kind}`);
  await signInBurst(base);
  await progressBurst(base);
  await bigUpload(base, 90);
} finally {
  worker.stop();
  await worker.exited;
  await database.stop();
}
