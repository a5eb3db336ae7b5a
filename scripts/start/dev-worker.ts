// The worker in workerd through wrangler's own API (`unstable_startWorker`, what `wrangler dev` runs), with
// one difference from the CLI: no DevTools inspector. `wrangler dev` always attaches one and enables its
// Network domain, so every fetch the worker makes (each SQL-over-HTTP round trip) is reported with a stack
// trace to a second workerd and to wrangler's Node process, which appends it to a debug log under
// ~/.config/.wrangler/logs (29 MB per benchmark run). Measured under `npm run bench`: that took more CPU
// than the worker's own work on each database read. Production has no inspector, so neither do we, unless
// WRANGLER_INSPECTOR_PORT asks for one.
// argv: <config> <env file> <host> <port> <persist dir> <log level> <watch: 0|1>. Stops on SIGTERM/SIGINT.
import { unstable_startWorker } from 'wrangler';

const [config, envFile, hostname, port, persist, logLevel, watch] = process.argv.slice(2);
const inspectorPort = process.env.WRANGLER_INSPECTOR_PORT;

const worker = await unstable_startWorker({
  config,
  envFiles: [envFile!],
  dev: {
    remote: false,
    server: { hostname, port: Number(port) },
    inspector: inspectorPort ? { hostname: '127.0.0.1', port: Number(inspectorPort) } : false,
    persist,
    logLevel: logLevel as 'error' | 'warn' | 'info',
    watch: watch === '1',
    liveReload: false,
  },
});
await worker.ready;

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void worker.dispose().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
