import type { UsagePoint, UsageSink } from './usage-point';

/**
 * The local stand-in for Workers Analytics Engine (whose local simulator in miniflare drops every point):
 * the latest points in this isolate's memory, in a ring. `wrangler dev` runs one isolate, so every request
 * and the admin's usage report see the same ring; a restart empties it. Writing is an array store, no I/O.
 */
export const MEMORY_CAPACITY = 100_000;

const ring: (UsagePoint | undefined)[] = new Array(MEMORY_CAPACITY);
let written = 0;

export const memoryUsageStore: UsageSink & {
  points(fromMs: number, toMs: number): UsagePoint[];
  held(): number;
} = {
  write(point) {
    ring[written % MEMORY_CAPACITY] = point;
    written += 1;
  },
  points(fromMs, toMs) {
    const out: UsagePoint[] = [];
    for (const point of ring) if (point && point.at >= fromMs && point.at < toMs) out.push(point);
    return out;
  },
  held: () => Math.min(written, MEMORY_CAPACITY),
};
