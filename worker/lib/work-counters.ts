import { AsyncLocalStorage } from 'node:async_hooks';

/** Costly work one request did, counted only where a benchmark or test asks (EXPOSE_DB_STATS). */
export interface WorkCounters {
  passwordChecks: number;
}

const current = new AsyncLocalStorage<WorkCounters>();

export function countingWork<T>(counters: WorkCounters, run: () => T): T {
  return current.run(counters, run);
}

/** One PBKDF2 derivation: the thing a sign-in throttle exists to ration. */
export function countPasswordCheck(): void {
  const counters = current.getStore();
  if (counters) counters.passwordChecks += 1;
}
