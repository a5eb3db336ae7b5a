// npm start — the whole app on one machine: embedded (or DATABASE_URL) Postgres, migrations and demo
// data, the PWA built, and the worker in workerd with local R2, at http://127.0.0.1:$PORT.
import { startLocalDatabase } from '../db/local/local-database';
import { embeddedDataDir, dataDir } from './paths';
import { prepareDatabase } from './start/prepare-database';
import { buildAppIfStale } from './start/build-app';
import { startWorker } from './start/worker-runtime';
import { printBanner } from './start/banner';
import { devSecret } from './start/dev-secret';

const port = Number(process.env.PORT ?? 8787);
const database = await startLocalDatabase({ dataDir: embeddedDataDir });
await prepareDatabase(database);
await buildAppIfStale();
const worker = await startWorker({
  port,
  database,
  jwtSecret: devSecret(dataDir),
  persistTo: `${dataDir}/wrangler`,
  watch: true,
});
printBanner(`http://127.0.0.1:${port}`, database.kind);
if (worker.runtime === 'miniflare')
  console.log('  Worker: Miniflare (WORKER_RUNTIME=miniflare): no rebuild when its source changes.');

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  worker.stop();
  await database.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
worker.exited.then((code) => {
  if (!stopping) {
    console.error(`the worker (${worker.runtime}) exited (${code})`);
    void stop(code ?? 1);
  }
});
