// The local database and its proxy in a process of their own, as under `npm start` (where workerd is the
// client): the benchmark's clients then do not share an event loop with the proxy they measure.
// Prints one JSON line {databaseUrl, wsProxy, sqlHttpUrl}; stops on SIGTERM.
import { startLocalDatabase } from '../../db/local/local-database';

const database = await startLocalDatabase({ databaseUrl: process.argv[2] ?? '' });
console.log(
  JSON.stringify({ databaseUrl: database.databaseUrl, wsProxy: database.wsProxy, sqlHttpUrl: database.sqlHttpUrl }),
);
process.on('SIGTERM', () => void database.stop().finally(() => process.exit(0)));
