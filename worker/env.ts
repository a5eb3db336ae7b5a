import type { Database } from '../db/client';
import type { RequestDatabase } from '../db/request-database';
import type { RoleType } from '../db/schema/enums';

export interface Env {
  DATABASE_URL: string;
  /** Local development and tests only: the local proxy's WebSocket side, in front of a non-Neon Postgres. */
  DB_WS_PROXY?: string;
  /** Local development and tests only: the local proxy's SQL-over-HTTP endpoint (Neon finds its own). */
  DB_HTTP_ENDPOINT?: string;
  JWT_SECRET: string;
  /** "1" adds X-DB-Queries and X-DB-Sessions to responses, for the benchmark; never set in production. */
  EXPOSE_DB_STATS?: string;
  MEDIA?: R2Bucket;
  /** Sign-in attempts per client address (wrangler.toml [[ratelimits]]). */
  SIGN_IN_LIMITER?: RateLimit;
  /** Registrations and password changes per client address. */
  ACCOUNT_LIMITER?: RateLimit;
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

/** The caller, as the access token names them (the database confirms it in the request's first round trip). */
export interface AuthUser {
  id: number;
  documentId: string;
  role: RoleType;
}

export interface AppVariables {
  requestId: string;
  /** The site's origin (scheme, host, port), as the request reached us. */
  origin: string;
  /** The request's database: reads over SQL-over-HTTP, a session only for a transaction (db/request-database.ts). */
  db: () => Promise<Database>;
  requestDatabase: RequestDatabase;
  user: AuthUser | null;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
