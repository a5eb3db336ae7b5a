// The worker in workerd through Miniflare directly: the bundle `wrangler deploy` would upload (built by
// `wrangler deploy --dry-run`), with the bindings wrangler.toml declares (wrangler's own translation,
// `unstable_getMiniflareWorkerOptions`) and R2 kept where `wrangler dev` keeps it. It leaves out wrangler
// dev's proxy worker (a second workerd that holds requests while a changed worker reloads). Two ways:
// - `app`: the whole site as `wrangler dev` serves it, Miniflare's entry worker and the assets router
//   (JavaScript workers in the same workerd) in front of ours: CI's run on Postgres, WORKER_RUNTIME=miniflare;
// - `direct`: our worker alone on its own socket, no assets, no entry worker: what Cloudflare runs on the
//   worker's own CPU for /api/* (its routing and assets run elsewhere). The bench's default.
// Each layer in front costs more CPU per request than a database read on a 2-core machine (README
// "Benchmarks"). Subrequests skip Miniflare's CF-Connecting-IP stripping worker: the worker forwards no
// client headers, and that hop on every SQL-over-HTTP round trip is not one production has.
// Nothing is picked up while it runs, neither the worker's source nor a new build of the PWA (Miniflare
// lists the assets when it starts; restarting it for a change would drop the requests in flight, which is
// what wrangler's proxy worker exists to hold); `npm start` keeps wrangler dev for that.
// argv: <config> <env file> <host> <port> <persist dir> <log level> <app|direct>. Stops on SIGTERM/SIGINT.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { projectRoot } from '../paths';

const [config, envFile, host, port, persist, logLevel, mode] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  'app' | 'direct',
];

/** The env file startWorker writes: KEY=<JSON string> per line. */
function readEnvFile(path: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) vars[line.slice(0, at)] = JSON.parse(line.slice(at + 1)) as string;
  }
  return vars;
}

const outdir = join(persist, 'bundle');
mkdirSync(outdir, { recursive: true });
execFileSync(
  process.execPath,
  [
    join(projectRoot, 'node_modules/wrangler/bin/wrangler.js'),
    'deploy',
    '--dry-run',
    '--config',
    config,
    '--outdir',
    outdir,
  ],
  { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
);

const { workerOptions } = unstable_getMiniflareWorkerOptions(config);
const { assets, ...withoutAssets } = workerOptions;
const direct = mode === 'direct';
const levels: Record<string, LogLevel> = { error: LogLevel.ERROR, warn: LogLevel.WARN, info: LogLevel.INFO };
// As in dev-worker.ts, a DevTools inspector only when asked for (profiling the worker under the bench).
const inspectorPort = process.env.WRANGLER_INSPECTOR_PORT;
const miniflare = new Miniflare({
  ...(inspectorPort && { inspectorPort: Number(inspectorPort) }),
  host,
  // Direct: Miniflare's own entry socket goes to a free port nobody uses; ours is the worker's.
  port: direct ? 0 : Number(port),
  log: new Log(levels[logLevel] ?? LogLevel.WARN),
  defaultPersistRoot: join(persist, 'v3'),
  workers: [
    {
      ...withoutAssets,
      ...(direct ? { unsafeDirectSockets: [{ host, port: Number(port) }] } : { assets }),
      stripCfConnectingIp: false,
      name: 'attaqwamasjid-lms',
      modules: true,
      modulesRoot: outdir,
      scriptPath: join(outdir, 'index.js'),
      bindings: { ...workerOptions.bindings, ...readEnvFile(envFile) },
    },
  ],
});
await miniflare.ready;

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void miniflare.dispose().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
