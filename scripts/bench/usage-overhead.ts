// What recording API usage costs: the same request against two workers over the same database, one
// recording every request (API_USAGE_STORE=memory, as npm start runs) and one not (off), measured in
// alternation (A B B A …) so that drift on a shared machine falls on both sides alike.
import { measureEndpoint, type Endpoint, type Measurement, type Settings } from './measure';

export interface Overhead {
  rounds: { recording: number; off: number }[];
  /** Microseconds per request in process (GET /_health, no database), recording and not. */
  inProcess?: { recording: number; off: number };
  recording: number;
  off: number;
  /** Percent of throughput lost to recording; negative when the recording side happened to be faster. */
  cost: number;
  failure?: string;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export async function usageOverhead(
  recordingUrl: string,
  offUrl: string,
  endpoint: Endpoint,
  settings: Settings,
  roundCount: number,
): Promise<Overhead> {
  const rounds: Overhead['rounds'] = [];
  for (let round = 0; round < roundCount; round++) {
    const order = round % 2 === 0 ? [recordingUrl, offUrl] : [offUrl, recordingUrl];
    const results = new Map<string, Measurement>();
    for (const url of order) results.set(url, await measureEndpoint(url, endpoint, settings));
    const failed = [...results.values()].find((m) => m.failure);
    if (failed) return { rounds, recording: 0, off: 0, cost: 0, failure: failed.failure };
    rounds.push({ recording: results.get(recordingUrl)!.reqPerSec!, off: results.get(offUrl)!.reqPerSec! });
  }
  const recording = mean(rounds.map((r) => r.recording));
  const off = mean(rounds.map((r) => r.off));
  return { rounds, recording, off, cost: (100 * (off - recording)) / off };
}

/**
 * The middleware's own cost, without the network or the database: the real app answering GET /_health
 * in this process, recording each request to the memory store or not, in alternating blocks. Shows what
 * the end-to-end comparison cannot resolve on a busy machine: microseconds against milliseconds.
 */
export async function middlewareCostMicros(
  iterations = 20_000,
  blocks = 6,
): Promise<{ recording: number; off: number }> {
  const { createApp } = await import('../../worker/app');
  const app = createApp();
  const env = (store: string) => ({
    DATABASE_URL: 'postgres://unused',
    JWT_SECRET: 'x'.repeat(48),
    API_USAGE_STORE: store,
  });
  const timeBlock = async (store: string) => {
    const bindings = env(store);
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await app.request('/_health', {}, bindings);
    return ((performance.now() - t0) * 1000) / iterations;
  };
  await timeBlock('memory');
  await timeBlock('off');
  const recording: number[] = [];
  const off: number[] = [];
  for (let b = 0; b < blocks; b++) {
    if (b % 2 === 0) {
      recording.push(await timeBlock('memory'));
      off.push(await timeBlock('off'));
    } else {
      off.push(await timeBlock('off'));
      recording.push(await timeBlock('memory'));
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { recording: median(recording), off: median(off) };
}
