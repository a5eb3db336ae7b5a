// The worker in workerd through Miniflare directly: the bundle `wrangler deploy` would upload (built by
// `wrangler deploy --dry-run`), with the bindings wrangler.toml declares (wrangler's own translation,
// `unstable_getMiniflareWorkerOptions`) and R2 kept where `wrangler dev` keeps it. What it leaves out is
// wrangler dev's development machinery: the proxy worker in a second workerd that holds requests while a
// changed worker reloads, and the hop through it. Production has neither, and on a 2-core machine they
// cost more CPU per request than a database read does (README "Benchmarks"). Nothing is picked up while
// it runs, neither the worker's source nor a new build of the PWA (Miniflare lists the assets when it
// starts; restarting it for a change would drop the requests in flight, which is what wrangler's proxy
// worker exists to hold). The bench and CI's run on Postgres use this; `npm start` keeps wrangler dev.
// argv: <config> <env file> <host> <port> <persist dir> <log level>. Stops on SIGTERM/SIGINT.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Log, LogLevel, Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { projectRoot } from '../paths';

const [config, envFile, host, port, persist, logLevel] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];

/** The env file startWrangler writes: KEY=<JSON string> per line. */
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
const levels: Record<string, LogLevel> = { error: LogLevel.ERROR, warn: LogLevel.WARN, info: LogLevel.INFO };
const miniflare = new Miniflare({
  host,
  port: Number(port),
  log: new Log(levels[logLevel] ?? LogLevel.WARN),
  defaultPersistRoot: join(persist, 'v3'),
  workers: [
    {
      ...workerOptions,
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
