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
  /** Sign-in attempts per client address (wrangler.toml [[ratelimits]]). */
  SIGN_IN_LIMITER?: RateLimit;
  /** Registrations and password changes per client address. */
  ACCOUNT_LIMITER?: RateLimit;
  ASSETS?: Fetcher;
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
  /** Closes the request's connection before a long wait; `db()` afterwards opens a new one. */
  releaseDb: () => Promise<void>;
  user: AuthUser | null;
}

export interface AppEnv {
  Bindings: Env;
  Variables: AppVariables;
}
