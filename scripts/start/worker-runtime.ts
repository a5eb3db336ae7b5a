import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalDatabase } from '../../db/local/local-database';
import { projectRoot } from '../paths';

export interface RunningWorker {
  runtime: WorkerRuntime;
  exited: Promise<number | null>;
  stop(): void;
}

/**
 * How the worker runs locally, each in workerd with the bindings of wrangler.toml:
 * - `wrangler`: as `wrangler dev --local` runs it (scripts/start/dev-worker.ts), rebuilt on change, behind
 *   wrangler's proxy worker; npm start's default;
 * - `miniflare`: the production bundle in Miniflare directly (scripts/start/miniflare-worker.ts), the whole
 *   site with Miniflare's entry worker and the assets router in front, no proxy worker; CI's run on Postgres;
 * - `direct`: the same bundle alone on its own socket, the API only (no PWA): the bench's default.
 */
export type WorkerRuntime = 'wrangler' | 'miniflare' | 'direct';

/** The runtimes that serve the whole site, which WORKER_RUNTIME may pick for npm start and the tests. */
export const SITE_RUNTIMES = ['wrangler', 'miniflare'] as const satisfies readonly WorkerRuntime[];

/** WORKER_RUNTIME from the environment, else `fallback`; anything else is an error, not a guess. */
export function workerRuntimeFromEnv(fallback: WorkerRuntime = 'wrangler'): WorkerRuntime {
  const asked = process.env.WORKER_RUNTIME;
  if (!asked) return fallback;
  if (!(SITE_RUNTIMES as readonly string[]).includes(asked))
    throw new Error(`WORKER_RUNTIME must be one of ${SITE_RUNTIMES.join(', ')}, not "${asked}"`);
  return asked as WorkerRuntime;
}

/**
 * The worker in workerd (miniflare's R2 kept under persistTo), in a process of its own, in the runtime
 * asked for (default: WORKER_RUNTIME, else wrangler).
 */
export async function startWorker(options: {
  port: number;
  database: LocalDatabase;
  jwtSecret: string;
  persistTo: string;
  quiet?: boolean;
  /** More variables for the worker, over the defaults (the bench turns API usage recording off with one). */
  vars?: Record<string, string>;
  /** Rebuild the worker when its source changes (npm start, wrangler only); off for tests and the bench. */
  watch?: boolean;
  runtime?: WorkerRuntime;
}): Promise<RunningWorker> {
  const runtime = options.runtime ?? workerRuntimeFromEnv();
  mkdirSync(options.persistTo, { recursive: true });
  // Bindings travel in an env file (not argv), so the database URL and secret stay out of `ps`.
  const envFile = join(options.persistTo, `dev-${options.port}.env`);
  const vars: Record<string, string | undefined> = {
    DATABASE_URL: options.database.databaseUrl,
    DB_WS_PROXY: options.database.wsProxy,
    // SQL over HTTP (the Neon driver's fetchEndpoint) on the same local proxy.
    DB_HTTP_ENDPOINT: options.database.sqlHttpUrl,
    JWT_SECRET: options.jwtSecret,
    EXPOSE_DB_STATS: process.env.EXPOSE_DB_STATS,
    // Analytics Engine has no working local simulator: usage is kept in the worker's memory instead.
    API_USAGE_STORE: process.env.API_USAGE_STORE ?? 'memory',
    ...options.vars,
  };
  writeFileSync(
    envFile,
    Object.entries(vars)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join('\n') + '\n',
    { mode: 0o600 },
  );

  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(projectRoot, runtime === 'wrangler' ? 'scripts/start/dev-worker.ts' : 'scripts/start/miniflare-worker.ts'),
      join(projectRoot, 'wrangler.toml'),
      envFile,
      '127.0.0.1',
      String(options.port),
      options.persistTo,
      options.quiet ? 'error' : 'warn',
      // dev-worker.ts: rebuild on change or not; miniflare-worker.ts: the whole site or the worker alone.
      { wrangler: options.watch ? '1' : '0', miniflare: 'app', direct: 'direct' }[runtime],
    ],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: process.env.CI ?? 'true' },
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}/_health`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the worker (${runtime}) exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status === 204) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the worker (${runtime}) did not answer within 120 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { runtime, exited, stop: () => child.kill('SIGTERM') };
}
