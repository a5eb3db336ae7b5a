import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
/** Everything `npm start` keeps between runs: the embedded Postgres, local R2, the dev JWT secret. */
export const dataDir = process.env.LMS_DATA_DIR ?? `${projectRoot}.data`;
export const embeddedDataDir = `${dataDir}/pglite`;
