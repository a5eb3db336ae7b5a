// startLocalDatabase in a child process (proxy-process.ts): the benchmark's load generator then does not
// share an event loop with the proxy it measures, as under `npm start`, where workerd is the client.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { LocalDatabase } from '../../db/local/local-database';
import type { ProxyCounters } from '../../db/local/proxy-counters';
import { projectRoot } from '../paths';

export interface ProxyChild extends LocalDatabase {
  /** The child's process id: its CPU time is the embedded database's (and the proxy's). */
  pid: number;
  /** The proxy's counters (GET /stats). */
  counters(): Promise<ProxyCounters>;
}

/** The proxy in front of `databaseUrl`, or in front of a fresh in-memory PGlite for ''. */
export async function startProxyProcess(databaseUrl: string): Promise<ProxyChild> {
  const child = spawn(
    process.execPath,
    // tsx as a loader in this one process (its CLI would run the script in a child of its own, whose CPU
    // time the query-limits section reads for the embedded database).
    [
      // BENCH_PROFILE_DIR: a V8 CPU profile of the proxy, written there when it stops.
      ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []),
      '--import',
      'tsx',
      join(projectRoot, 'scripts/bench/proxy-process.ts'),
      databaseUrl,
    ],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  const [line] = (await Promise.race([
    once(createInterface({ input: child.stdout! }), 'line'),
    exited.then(([code]) => Promise.reject(new Error(`the database proxy exited with ${code}`))),
  ])) as [string];
  const urls = JSON.parse(line) as Pick<LocalDatabase, 'databaseUrl' | 'wsProxy' | 'sqlHttpUrl'>;
  const statsUrl = new URL('/stats', urls.sqlHttpUrl);
  return {
    ...urls,
    kind: databaseUrl ? 'external' : 'embedded',
    pid: child.pid!,
    counters: async () => (await fetch(statsUrl)).json() as Promise<ProxyCounters>,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    },
  };
}
