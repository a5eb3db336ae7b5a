// The bench's printed output: tables of measurements, the dataset build, the cost of recording API
// usage, and how each endpoint's cost grows between scales.
import { counterDelta } from '../../db/local/proxy-counters';
import type { BuildStep } from './dataset';
import type { Measurement, Settings } from './measure';
import { CPU_GROUPS } from './process-cpu';
import { fixed, perRequest, shareOf, verdict, type Target } from './stats';
import type { Overhead } from './usage-overhead';

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    '| ' + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ') + ' |';
  return [
    line(rows[0]!),
    '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|') + '|',
    ...rows.slice(1).map(line),
  ].join('\n');
}

export const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(0)} ms`);

export function printBuild(build: BuildStep[]) {
  console.log('\n== Dataset build');
  console.log(
    table([
      ['step', 'rows', 'time'],
      ...build.map((s) => [s.name, s.rows ? s.rows.toLocaleString('en') : '', ms(s.ms)]),
    ]),
  );
}

/** `ceiling`: the /_health req/s of the same run; each endpoint's req/s is then also shown as a share of it. */
export function printMeasurements(title: string, results: Measurement[], settings: Settings, ceiling?: number) {
  console.log(
    `\n== ${title} (${settings.connections} connections, ${settings.duration} s each after a ${settings.warmup ? `${settings.warmup} s warm-up` : 'no warm-up'}; autocannon)`,
  );
  const share = (r: Measurement) => (ceiling ? [`${fixed(shareOf(r.reqPerSec ?? NaN, ceiling), 0)}%`] : []);
  console.log(
    table([
      [
        'endpoint',
        'req/s',
        ...(ceiling ? ['of /_health'] : []),
        'p50 ms',
        'p99 ms',
        'max ms',
        'unexpected',
        'errors',
        'DB round trips',
        'sessions',
      ],
      ...results.map((r) =>
        r.failure
          ? [
              r.endpoint.name,
              `FAILED (${r.status || 'no answer'})`,
              ...(ceiling ? ['-'] : []),
              '-',
              '-',
              '-',
              '-',
              '-',
              r.dbQueries,
              r.dbSessions,
            ]
          : [
              r.endpoint.name,
              r.reqPerSec!.toFixed(1),
              ...share(r),
              fixed(r.p50, 0),
              fixed(r.p99, 0),
              fixed(r.max, 0),
              String(r.unexpected),
              String(r.errors),
              r.dbQueries,
              r.dbSessions,
            ],
      ),
    ]),
  );
  console.log(
    '  DB round trips and sessions: X-DB-Queries and X-DB-Sessions of one probe request (a sequence: per request, joined by +).',
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
  const odd = results.filter((r) => !r.failure && (r.warning || r.unexpected || r.errors));
  if (odd.length) {
    console.log('\nWarnings (measured, but read the figures with care):');
    for (const r of odd) {
      if (r.warning) console.log(`  ${r.endpoint.name}: ${r.warning}`);
      if (r.unexpected)
        console.log(
          `  ${r.endpoint.name}: ${r.unexpected} answers with an unexpected status; status codes ${JSON.stringify(r.statusCodes)}`,
        );
      if (r.errors) console.log(`  ${r.endpoint.name}: ${r.errors} socket errors/timeouts`);
    }
  }
}

export function printOverhead(endpointName: string, overhead: Overhead, settings: Settings) {
  console.log(
    `\n== Cost of recording API usage: ${endpointName}, same database, alternating workers (${settings.connections} connections, ${settings.duration} s per side per round)`,
  );
  if (overhead.failure) {
    console.log(`FAILED: ${overhead.failure}`);
    return;
  }
  console.log(
    table([
      ['round', 'recording req/s', 'off req/s'],
      ...overhead.rounds.map((r, i) => [String(i + 1), r.recording.toFixed(1), r.off.toFixed(1)]),
      ['mean', overhead.recording.toFixed(1), overhead.off.toFixed(1)],
    ]),
  );
  console.log(
    `End to end: recording costs ${overhead.cost.toFixed(1)}% of the throughput (negative: the recording side was faster; on a shared machine rounds vary by more than the cost).`,
  );
  if (overhead.inProcess) {
    const extra = overhead.inProcess.recording - overhead.inProcess.off;
    const verdict =
      extra > 0
        ? `${extra.toFixed(1)} µs more per request, i.e. ${((extra * overhead.recording) / 1e4).toFixed(3)}% of one core at ${overhead.recording.toFixed(0)} req/s`
        : 'no difference above the noise';
    console.log(
      `In process (the real app answering GET /_health, no database; median of alternating blocks of 20,000): ${overhead.inProcess.recording.toFixed(1)} µs per request recording, ${overhead.inProcess.off.toFixed(1)} µs off: ${verdict}.`,
    );
  }
}

export interface ScaleRun {
  scale: number;
  results: Measurement[];
}

/** Each endpoint at every scale side by side: how its cost grows with the data. */
export function printGrowth(runs: ScaleRun[]) {
  if (runs.length < 2) return;
  const names = runs[0]!.results.map((r) => r.endpoint.name);
  const cell = (m: Measurement | undefined) =>
    m && !m.failure ? [m.reqPerSec!.toFixed(1), fixed(m.p50, 0), fixed(m.p99, 0)] : ['-', '-', '-'];
  console.log('\n== Growth: every endpoint at each scale (req/s, p50 ms, p99 ms)');
  console.log(
    table([
      ['endpoint', ...runs.flatMap((r) => [`${r.scale}x req/s`, `${r.scale}x p50`, `${r.scale}x p99`]), 'p50 growth'],
      ...names.map((name) => {
        const found = runs.map((r) => r.results.find((m) => m.endpoint.name === name));
        const first = found[0];
        const last = found.at(-1);
        const growth =
          first && last && !first.failure && !last.failure && first.p50
            ? `${(last.p50! / first.p50).toFixed(1)}x`
            : '-';
        return [name, ...found.flatMap(cell), growth];
      }),
    ]),
  );
}

/**
 * What each endpoint's measured run cost the database, per request answered, from the local proxy's
 * counters (and Postgres's own count of sessions started): HTTP requests and statements, WebSocket
 * sessions, backends started, and the time the database spent (HTTP statements; sessions held).
 */
export function printDatabaseWork(results: Measurement[]) {
  const measured = results.filter((r) => !r.failure && r.before?.proxy && r.after?.proxy && r.sent);
  if (!measured.length) return;
  const postgres = measured.some((r) => r.before?.postgresSessions !== undefined);
  console.log('\n== Database work per request sent (the measured run; local proxy counters)');
  console.log(
    table([
      [
        'endpoint',
        'HTTP requests',
        'statements',
        'sessions',
        'backends started',
        ...(postgres ? ['Postgres sessions started'] : []),
        'DB ms (HTTP)',
        'session held ms',
        'queue ms',
      ],
      ...measured.map((r) => {
        const d = counterDelta(r.before!.proxy!, r.after!.proxy!);
        const per = (value: number, digits = 2) => fixed(perRequest(value, r.sent!), digits);
        const pg =
          r.before?.postgresSessions !== undefined && r.after?.postgresSessions !== undefined
            ? [`${r.after.postgresSessions - r.before.postgresSessions} in all`]
            : postgres
              ? ['-']
              : [];
        return [
          r.endpoint.name,
          per(d.httpRequests),
          per(d.httpStatements),
          per(d.wsSessions),
          `${d.backendsStarted} in all`,
          ...pg,
          per(d.httpDatabaseMs),
          per(d.wsHeldMs),
          per(d.httpQueueMs + d.wsQueueMs),
        ];
      }),
    ]),
  );
  console.log(
    '  Per request sent: requests still in flight when the run stopped finish before the counters are read.\n' +
      '  A sequence (quiz, mixed) counts each of its requests. DB ms (HTTP): from handing the statements to a pooled connection to the last result, i.e. the database and the\n' +
      '  proxy-to-database hop, per request. Session held ms: how long transactions held a connection, the worker’s\n' +
      '  own time between statements included. Queue ms: waiting for a free connection (the embedded database has one).',
  );
}

/** Where each answered request's CPU went, process by process (Linux; empty elsewhere). */
export function printCpuPerRequest(results: Measurement[], embedded: boolean) {
  const measured = results.filter((r) => r.cpu && Object.keys(r.cpu).length);
  if (!measured.length) return;
  const groups = CPU_GROUPS.filter((g) => measured.some((r) => r.cpu![g] !== undefined));
  console.log('\n== CPU per answered request, by process (ms; /proc, the measured run)');
  console.log(
    table([
      ['endpoint', ...groups, 'all'],
      ...measured.map((r) => {
        const values = groups.map((g) => r.cpu![g] ?? 0);
        return [
          r.endpoint.name,
          ...values.map((v) => fixed(v, 2)),
          fixed(
            values.reduce((a, b) => a + b, 0),
            2,
          ),
        ];
      }),
    ]),
  );
  console.log(
    '  The cores are shared: an endpoint\'s req/s at saturation is at most (cores × 1000) / "all".' +
      (embedded ? " The embedded database runs inside the database proxy's process." : ''),
  );
}

/** Each target with its figure and whether it is met. */
export function printTargets(title: string, targets: Target[]) {
  if (!targets.length) return;
  console.log(`\n== ${title}`);
  console.log(
    table([
      ['target', 'bound', 'measured', 'verdict'],
      ...targets.map((t) => [
        t.name,
        `${t.kind === 'min' ? '≥' : '≤'} ${t.bound} ${t.unit}`.trim(),
        `${fixed(t.measured, t.unit === 'req/s' || t.unit === '%' ? 0 : 1)} ${t.unit}`.trim(),
        verdict(t),
      ]),
    ]),
  );
}
