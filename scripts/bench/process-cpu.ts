// CPU time per process over a measured run, read from /proc: on a 2-core machine every process of the
// stack (the load generator, workerd, wrangler's Node process, the database proxy, Postgres) competes for
// the same cores, so "where did each request's CPU go" explains a req/s figure better than any profile of
// one process. Linux only; elsewhere the snapshot is empty and the report leaves the table out.
import { readdirSync, readFileSync } from 'node:fs';

export const CPU_GROUPS = ['load generator', 'workerd', 'runtime (Node)', 'database proxy', 'Postgres'] as const;
export type CpuGroup = (typeof CPU_GROUPS)[number];

/** Milliseconds of CPU (user + system) per group at one moment. */
export type CpuSnapshot = Partial<Record<CpuGroup, number>>;

const TICK_MS = 10; // USER_HZ is 100 on every Linux the project runs on

interface ProcessStat {
  pid: number;
  comm: string;
  ppid: number;
  ms: number;
}

function readStat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm may hold spaces and parentheses: it runs to the last ')'.
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text.slice(close + 2).split(' ');
    // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15.
    return { pid, comm, ppid: Number(fields[1]), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Which group a process belongs to: our own descendants by what they run, and any Postgres backend. */
function groupOf(stat: ProcessStat, descendant: boolean): CpuGroup | undefined {
  if (stat.pid === process.pid) return 'load generator';
  if (stat.comm === 'postgres') return 'Postgres';
  if (!descendant) return undefined;
  if (stat.comm === 'workerd') return 'workerd';
  const command = commandLine(stat.pid);
  if (command.includes('proxy-process')) return 'database proxy';
  // The Node process that started workerd: wrangler's (dev-worker) or Miniflare's (miniflare-worker).
  if (command.includes('dev-worker') || command.includes('miniflare-worker')) return 'runtime (Node)';
  return undefined;
}

export function cpuSnapshot(): CpuSnapshot {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return {};
  }
  const stats = new Map<number, ProcessStat>();
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat) stats.set(pid, stat);
  }
  const isDescendant = (pid: number) => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = stats.get(p)?.ppid, hops++) {
      if (p === process.pid) return true;
    }
    return false;
  };
  const snapshot: CpuSnapshot = {};
  for (const stat of stats.values()) {
    const group = groupOf(stat, isDescendant(stat.pid));
    if (group) snapshot[group] = (snapshot[group] ?? 0) + stat.ms;
  }
  return snapshot;
}

/** CPU milliseconds per request of each group between two snapshots (processes that ended are lost). */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): CpuSnapshot {
  const result: CpuSnapshot = {};
  if (!requests) return result;
  for (const group of CPU_GROUPS) {
    if (after[group] === undefined) continue;
    result[group] = Math.max(0, after[group]! - (before[group] ?? 0)) / requests;
  }
  return result;
}
