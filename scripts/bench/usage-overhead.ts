// What recording API usage costs: the same request against two workers over the same database, one
// recording every request (API_USAGE_STORE=memory, as npm start runs) and one not (off), measured in
// alternation (A B B A …) so that drift on a shared machine falls on both sides alike.
import { measureEndpoint, type Endpoint, type Measurement, type Settings } from './measure';

export interface Overhead {
  rounds: { recording: number; off: number }[];
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
