/** The SQLSTATE of a database error: Drizzle wraps the driver's error, which carries it on its cause. */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Failures that say nothing about the request, only about its timing against another transaction:
 * deadlock_detected and serialization_failure. Running the same transaction again is the cure.
 */
export const isTransientConflict = (error: unknown) => {
  const state = sqlState(error);
  return state === '40P01' || state === '40001';
};
