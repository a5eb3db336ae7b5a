/**
 * What the local database proxy has done since it started, for the benchmark (read as differences
 * before and after a run): requests and statements over HTTP and the time the database spent on them,
 * WebSocket sessions and how long they held a connection, and backends started (a Postgres backend, or
 * a fresh start of the embedded database's one session). Served as JSON at GET /stats on the proxy.
 */
export interface ProxyCounters {
  /** POST /sql requests answered, whatever their outcome. */
  httpRequests: number;
  /** Statements those requests carried (a batch counts each of its statements). */
  httpStatements: number;
  /** Milliseconds from handing the statement(s) to the connection until the last result: the database's time. */
  httpDatabaseMs: number;
  /** Milliseconds HTTP requests waited for a free connection (the pool's queue). */
  httpQueueMs: number;
  /** HTTP requests answered with an error (Postgres error, 503 busy, protocol error). */
  httpErrors: number;
  /** WebSocket sessions that got a connection. */
  wsSessions: number;
  /** Milliseconds those sessions held their connection (the transaction's whole life, client time included). */
  wsHeldMs: number;
  /** Milliseconds sessions waited for a free connection. */
  wsQueueMs: number;
  /** Connections opened to the database: each one a Postgres backend started. */
  backendsStarted: number;
}

export function newProxyCounters(): ProxyCounters {
  return {
    httpRequests: 0,
    httpStatements: 0,
    httpDatabaseMs: 0,
    httpQueueMs: 0,
    httpErrors: 0,
    wsSessions: 0,
    wsHeldMs: 0,
    wsQueueMs: 0,
    backendsStarted: 0,
  };
}

/** after − before, field by field. */
export function counterDelta(before: ProxyCounters, after: ProxyCounters): ProxyCounters {
  const delta = newProxyCounters();
  for (const key of Object.keys(delta) as (keyof ProxyCounters)[]) delta[key] = after[key] - before[key];
  return delta;
}
