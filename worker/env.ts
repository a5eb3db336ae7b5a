import type { Database } from '../db/client';
import type { RoleType } from '../db/schema/enums';

export interface Env {
  DATABASE_URL: string;
  /** Local development and tests only: the WebSocket relay in front of a non-Neon Postgres. */
  DB_WS_PROXY?: string;
  JWT_SECRET: string;
  /** "1" adds X-DB-Queries to responses, for the benchmark; never set in production. */
  EXPOSE_DB_STATS?: string;
  MEDIA?: R2Bucket;
  ASSETS?: Fetcher;
  /** Workers Analytics Engine dataset that API usage is written to in production (wrangler.toml). */
  API_USAGE?: AnalyticsEngineDataset;
  /** "analytics-engine" (production), "memory" (npm start, tests, bench) or "off"; see services/observability. */
  API_USAGE_STORE?: string;
  /** The dataset's name for the SQL API (default lms_api_usage). */
  API_USAGE_DATASET?: string;
  /** Reading usage back: the Cloudflare account id and an API token (secret) with Account Analytics: Read. */
  ANALYTICS_ACCOUNT_ID?: string;
  ANALYTICS_API_TOKEN?: string;
}

export interface AuthUser {
  id: number;
  documentId: string;
  username: string;
  email: string | null;
  role: RoleType;
}

export interface AppVariables {
  requestId: string;
  /** The site's origin (scheme, host, port), as the request reached us. */
  origin: string;
  /** Opens the request's connection on first use; closed when the response is done. */
  db: () => Promise<Database>;
  user: AuthUser | null;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
