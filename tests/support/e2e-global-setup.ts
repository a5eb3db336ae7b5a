// One running app (`npm start`, with its own data directory and, with DATABASE_URL, a scratch database)
// shared by the browser tests; start.e2e.ts starts its own because it restarts it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../db/local/free-port';
import { createScratchDatabase } from './scratch-database';
import { startApp } from './running-app';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lms-e2e-shared-'));
  const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : undefined;
  const app = await startApp({
    PORT: String(await freePort()),
    LMS_DATA_DIR: dataDir,
    DATABASE_URL: scratch?.databaseUrl,
  });
  project.provide('appUrl', app.url);
  return async () => {
    await app.stop();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
