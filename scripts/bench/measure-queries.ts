// Single heavy requests, one after another: how long the worst query the limits allow takes, alone.
// Not a throughput figure; the request's own latency through the worker, with its answer's size.
import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { WorstQuery } from './worst-queries';

export interface QueryTiming {
  query: WorstQuery;
  status: number;
  /** Milliseconds per run, after one warm-up run. */
  runs: number[];
  bytes: number;
  dbQueries: string;
  /** The error's message when the status is not 200. */
  error?: string;
  /** Database CPU time of the request's list statement, per run (see databaseCpuMs). */
  cpuMs?: number;
}

export async function timeQuery(
  baseUrl: string,
  query: WorstQuery,
  token: string | undefined,
  runs: number,
): Promise<QueryTiming> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const once = async () => {
    const started = performance.now();
    const response = await fetch(baseUrl + query.path, { headers });
    const text = await response.text();
    return { ms: performance.now() - started, response, text };
  };
  const first = await once();
  const timing: QueryTiming = {
    query,
    status: first.response.status,
    runs: [],
    bytes: first.text.length,
    dbQueries: first.response.headers.get('x-db-queries') ?? '-',
  };
  if (first.response.status !== 200) {
    timing.error = (JSON.parse(first.text) as { error?: { message?: string } }).error?.message ?? first.text;
    timing.runs.push(first.ms);
    return timing;
  }
  for (let i = 0; i < runs; i++) timing.runs.push((await once()).ms);
  return timing;
}

export { median } from './stats';

/** Linux reports process CPU times in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in milliseconds, or undefined when /proc does not show it. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm)"; comm may hold spaces. utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * The CPU time one run of a statement costs the database, which other work on a shared machine does
 * not inflate the way it inflates wall-clock time. For a Postgres server on this machine, its backend's
 * CPU time from /proc (10 ms resolution, averaged over the runs); for the embedded PGlite, the CPU time of
 * the process it runs in (`embeddedPid`: the bench's proxy process, whose own share is small beside the
 * statement's). Undefined for a remote server.
 */
export async function databaseCpuMs(
  db: Database,
  statement: SQL,
  runs: number,
  embeddedPid?: number,
): Promise<number | undefined> {
  await db.execute(statement);
  if (embeddedPid !== undefined) {
    const before = processCpuMs(embeddedPid);
    if (before === undefined) return undefined;
    for (let i = 0; i < runs; i++) await db.execute(statement);
    return (processCpuMs(embeddedPid)! - before) / runs;
  }
  const pid = Number((await db.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)).rows[0]?.pid);
  const before = processCpuMs(pid);
  if (before === undefined) return undefined;
  for (let i = 0; i < runs; i++) await db.execute(statement);
  return (processCpuMs(pid)! - before) / runs;
}
