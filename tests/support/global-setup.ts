import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../db/local/free-port';
import { toBase64Url } from '../../worker/lib/ids';
import { startWorker } from '../../scripts/start/worker-runtime';
import { startTestDatabase } from './test-database';
import { buildAppIfStale } from '../../scripts/start/build-app';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    jwtSecret: string;
    databaseUrl: string;
    wsProxy: string;
    sqlHttpUrl: string;
    databaseKind: string;
  }
}

/** One real worker (workerd via wrangler dev) over one real database for the whole integration run. */
export default async function setup(project: TestProject) {
  const database = await startTestDatabase();
  const jwtSecret = toBase64Url(crypto.getRandomValues(new Uint8Array(48)));
  const port = await freePort();
  await buildAppIfStale();
  // Lets tests count the statements behind a request (X-DB-Queries): the no-N+1 promise is checked.
  process.env.EXPOSE_DB_STATS = '1';
  const worker = await startWorker({
    port,
    database,
    jwtSecret,
    persistTo: join(tmpdir(), `lms-test-${port}`),
    quiet: true,
  });
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('jwtSecret', jwtSecret);
  project.provide('databaseUrl', database.databaseUrl);
  project.provide('wsProxy', database.wsProxy ?? '');
  project.provide('sqlHttpUrl', database.sqlHttpUrl ?? '');
  project.provide('databaseKind', database.kind);
  return async () => {
    worker.stop();
    await worker.exited;
    await database.stop();
  };
}
