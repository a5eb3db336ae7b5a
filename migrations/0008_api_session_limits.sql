-- Defaults for every session on this database, so they hold however the worker connects: a WebSocket
-- session, SQL over HTTP (Neon's pooled connections start with the database's defaults too), or a
-- local Postgres. A session may still lift them for itself (migrations and bulk scripts do).
--
-- statement_timeout: no API statement needs more than a fraction of a second (the query limits of
-- worker/query/limits.ts see to reads); one that runs 5 s is cancelled (SQLSTATE 57014), and the
-- worker answers 503 with Retry-After instead of holding a connection and a core.
-- jit: compiling a plan to machine code costs tens to hundreds of milliseconds, which short OLTP
-- statements never earn back; with it on, one filter-heavy request once kept PostgreSQL busy for 56 s.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '5s');
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
END
$$;
