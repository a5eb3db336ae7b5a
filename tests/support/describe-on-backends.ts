import { describe } from 'vitest';
import { backendKinds, postgresAnswers, type BackendKind } from './local-backends';

/** One describe block per backend; the Postgres one shows as skipped where no server answers. */
export function describeOnBackends(name: string, suite: (kind: BackendKind) => void): void {
  for (const kind of backendKinds) {
    describe.skipIf(kind === 'postgres' && !postgresAnswers)(`${name} (${kind})`, () => suite(kind));
  }
}
