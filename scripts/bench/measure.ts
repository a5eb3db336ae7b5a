// One endpoint at a time: a single fetch first (status, X-DB-Queries, a look at the answer), then
// autocannon for a warm-up and the measured run.
import autocannon from 'autocannon';

export interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  /** Path and query string, already encoded. */
  path: string;
  body?: unknown;
  /** Extra request headers, e.g. the bearer token of a signed-in teacher. */
  headers?: Record<string, string>;
  /** Looks at a 200 answer; returns what is wrong with it (e.g. a filter not applied), or nothing. */
  check?: (body: unknown) => string | undefined;
}

export interface Settings {
  connections: number;
  /** Seconds. */
  duration: number;
  /** Seconds; 0 for none. */
  warmup: number;
}

export interface Measurement {
  endpoint: Endpoint;
  /** Status of the single probe request. */
  status: number;
  /** X-DB-Queries of the probe: statements the request sent on its database connection. */
  dbQueries: string;
  /** Set when the probe did not answer 200; the endpoint was then not measured. */
  failure?: string;
  /** What the check found wrong with the probe's 200 answer. */
  warning?: string;
  reqPerSec?: number;
  p50?: number;
  p99?: number;
  non2xx?: number;
  /** Count per status code seen during the measured run. */
  statusCodes?: Record<string, number>;
  /** Socket errors and timeouts during the measured run. */
  errors?: number;
}

function requestInit(endpoint: Endpoint): RequestInit {
  const headers = { ...endpoint.headers };
  if (endpoint.body === undefined) return { method: endpoint.method, headers };
  return {
    method: endpoint.method,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(endpoint.body),
  };
}

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { name?: string; message?: string } };
    if (body.error?.message) return `${body.error.name ?? 'Error'}: ${body.error.message}`;
  } catch {
    // not JSON: show the text itself
  }
  return text.slice(0, 300) || '(empty body)';
}

export async function measureEndpoint(baseUrl: string, endpoint: Endpoint, settings: Settings): Promise<Measurement> {
  const url = baseUrl + endpoint.path;
  const init = requestInit(endpoint);
  let probe: Response;
  let text: string;
  try {
    probe = await fetch(url, init);
    text = await probe.text();
  } catch (error) {
    return { endpoint, status: 0, dbQueries: '-', failure: `request failed: ${(error as Error).message}` };
  }
  // No header: the request opened no database connection (e.g. an unknown route), or the stats are off.
  const dbQueries = probe.headers.get('x-db-queries') ?? (probe.status === 200 ? '?' : '-');
  if (probe.status !== 200)
    return { endpoint, status: probe.status, dbQueries, failure: `${probe.status} ${errorMessage(text)}` };

  let warning: string | undefined;
  try {
    warning = endpoint.check?.(JSON.parse(text));
  } catch (error) {
    warning = `answer is not the expected JSON: ${(error as Error).message}`;
  }

  const result = await autocannon({
    url,
    method: endpoint.method,
    headers: (init.headers as Record<string, string> | undefined) ?? {},
    body: init.body as string | undefined,
    connections: settings.connections,
    duration: settings.duration,
    ...(settings.warmup > 0 ? { warmup: { connections: settings.connections, duration: settings.warmup } } : {}),
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  return {
    endpoint,
    status: probe.status,
    dbQueries,
    warning,
    reqPerSec: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    statusCodes,
    errors: result.errors + result.timeouts,
  };
}
