// The bench's printed output: tables of measurements, the dataset build, the cost of recording API
// usage, and how each endpoint's cost grows between scales.
import type { BuildStep } from './dataset';
import type { Measurement, Settings } from './measure';
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

export function printMeasurements(title: string, results: Measurement[], settings: Settings) {
  console.log(
    `\n== ${title} (${settings.connections} connections, ${settings.duration} s each after a ${settings.warmup} s warm-up; autocannon)`,
  );
  console.log(
    table([
      ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'DB round trips/request'],
      ...results.map((r) =>
        r.failure
          ? [r.endpoint.name, `FAILED (${r.status || 'no answer'})`, '-', '-', '-', r.dbQueries]
          : [r.endpoint.name, r.reqPerSec!.toFixed(1), String(r.p50), String(r.p99), String(r.non2xx), r.dbQueries],
      ),
    ]),
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
  const odd = results.filter((r) => !r.failure && (r.warning || r.non2xx || r.errors));
  if (odd.length) {
    console.log('\nWarnings (measured, but read the figures with care):');
    for (const r of odd) {
      if (r.warning) console.log(`  ${r.endpoint.name}: the 200 answer is not what was asked for: ${r.warning}`);
      if (r.non2xx)
        console.log(`  ${r.endpoint.name}: ${r.non2xx} non-2xx answers; status codes ${JSON.stringify(r.statusCodes)}`);
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
    m && !m.failure ? [m.reqPerSec!.toFixed(1), String(m.p50), String(m.p99)] : ['-', '-', '-'];
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
