/** One API request, as the usage middleware records it. */
export interface UsagePoint {
  /** Epoch milliseconds. */
  at: number;
  /** The route pattern that answered (/api/courses/:documentId), never the raw path with its ids. */
  route: string;
  method: string;
  status: number;
  durationMs: number;
}

/** Where points go; write must return at once and never throw: recording is not part of the answer. */
export interface UsageSink {
  write(point: UsagePoint): void;
}

export const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;
