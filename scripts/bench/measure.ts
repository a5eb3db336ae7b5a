// One endpoint at a time: a single request (or one pass of its sequence) first as a probe (status,
// X-DB-Queries and X-DB-Sessions, a look at the answer), then autocannon for a warm-up and, separately,
// the measured run, between two snapshots of the database's counters (the local proxy's, Postgres's).
import autocannon from 'autocannon';
import type { ProxyCounters } from '../../db/local/proxy-counters';
import { cpuPerRequest, cpuSnapshot, type CpuSnapshot } from './process-cpu';
import { countHeader } from './stats';

type Context = Record<string, unknown>;

/** One request of a sequence whose requests differ each time (a new event id, the next learner). */
export interface RequestStep {
  method: 'GET' | 'POST';
  /** The request to send; nothing restarts the sequence (e.g. the attempt to submit was never started). */
  build(context: Context): { path: string; headers?: Record<string, string>; body?: unknown } | undefined;
  onResponse?(status: number, body: string, context: Context): void;
}

export interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  /** Path and query string, already encoded. */
  path: string;
  body?: unknown;
  /** Extra request headers, e.g. the bearer token of a signed-in teacher. */
  headers?: Record<string, string>;
  /** Looks at the probe's answer; returns what is wrong with it (e.g. a filter not applied), or nothing. */
  check?: (body: unknown) => string | undefined;
  /** Requests that change every time, sent in this order over and over by each connection (path etc. unused). */
  sequence?: RequestStep[];
  /** The statuses that count as answered as expected; any 2xx when unset. */
  expect?: number[];
}

export interface Settings {
  connections: number;
  /** Seconds. */
  duration: number;
  /** Seconds; 0 for none. */
  warmup: number;
  /** Seconds before a request without an answer counts as a timeout (autocannon's default: 10). */
  timeout?: number;
}

/** The database's counters at one moment: the local proxy's, and Postgres's sessions started where readable. */
export interface DatabaseSnapshot {
  proxy?: ProxyCounters;
  /** pg_stat_database.sessions of the benchmark's database. */
  postgresSessions?: number;
}

export interface Measurement {
  endpoint: Endpoint;
  /** Status of the probe (the last request of its sequence). */
  status: number;
  /** X-DB-Queries of the probe: round trips to the database (joined with + over a sequence). */
  dbQueries: string;
  /** X-DB-Sessions of the probe: WebSocket sessions opened (transactions). */
  dbSessions: string;
  /** Set when the probe did not answer as expected; the endpoint was then not measured. */
  failure?: string;
  /** What the check found wrong with the probe's answer. */
  warning?: string;
  reqPerSec?: number;
  p50?: number;
  p99?: number;
  max?: number;
  /** Answers in the measured run. */
  answered?: number;
  /** Requests sent in the measured run: the answered ones and those still in flight when it stopped. */
  sent?: number;
  non2xx?: number;
  /** Answers whose status was not one of the endpoint's expected ones. */
  unexpected?: number;
  /** Count per status code seen during the measured run. */
  statusCodes?: Record<string, number>;
  /** Socket errors and timeouts during the measured run. */
  errors?: number;
  /** Growth of the database counters over the measured run. */
  before?: DatabaseSnapshot;
  after?: DatabaseSnapshot;
  /** CPU milliseconds per answered request of each process group during the measured run. */
  cpu?: CpuSnapshot;
}

function encode(headers: Record<string, string> | undefined, body: unknown) {
  if (body === undefined) return { headers: { ...headers }, body: undefined };
  return { headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** The endpoint as a sequence of steps, whether it has one or is one fixed request. */
function stepsOf(endpoint: Endpoint): RequestStep[] {
  return (
    endpoint.sequence ?? [
      {
        method: endpoint.method,
        build: () => ({ path: endpoint.path, headers: endpoint.headers, body: endpoint.body }),
      },
    ]
  );
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

const isExpected = (endpoint: Endpoint, status: number) =>
  endpoint.expect ? endpoint.expect.includes(status) : status >= 200 && status < 300;

/** One pass of the sequence with fetch, as autocannon will send it. */
async function probe(baseUrl: string, endpoint: Endpoint) {
  const context: Context = {};
  const queries: string[] = [];
  const sessions: string[] = [];
  let last: { status: number; text: string } | undefined;
  for (const step of stepsOf(endpoint)) {
    const request = step.build(context);
    if (!request) throw new Error('the sequence stopped itself before its last request');
    const { headers, body } = encode(request.headers, request.body);
    const response = await fetch(baseUrl + request.path, { method: step.method, headers, body });
    const text = await response.text();
    step.onResponse?.(response.status, text, context);
    queries.push(String(countHeader(response.headers.get('x-db-queries')) ?? '-'));
    sessions.push(String(countHeader(response.headers.get('x-db-sessions')) ?? '-'));
    last = { status: response.status, text };
    if (!isExpected(endpoint, response.status)) break;
  }
  return { ...last!, dbQueries: queries.join('+'), dbSessions: sessions.join('+') };
}

function autocannonRequests(endpoint: Endpoint) {
  return stepsOf(endpoint).map((step) => ({
    method: step.method,
    setupRequest: (request: Record<string, unknown>, context: Context) => {
      const built = step.build(context);
      if (!built) return undefined;
      const { headers, body } = encode(built.headers, built.body);
      return { ...request, method: step.method, path: built.path, headers, body };
    },
    onResponse: step.onResponse,
  }));
}

function run(baseUrl: string, endpoint: Endpoint, settings: Settings, seconds: number) {
  return autocannon({
    url: baseUrl,
    connections: settings.connections,
    duration: seconds,
    timeout: settings.timeout ?? 10,
    requests: autocannonRequests(endpoint),
  });
}

export async function measureEndpoint(
  baseUrl: string,
  endpoint: Endpoint,
  settings: Settings,
  snapshot?: () => Promise<DatabaseSnapshot>,
): Promise<Measurement> {
  let probed: Awaited<ReturnType<typeof probe>>;
  try {
    probed = await probe(baseUrl, endpoint);
  } catch (error) {
    return {
      endpoint,
      status: 0,
      dbQueries: '-',
      dbSessions: '-',
      failure: `request failed: ${(error as Error).message}`,
    };
  }
  const { status, text, dbQueries, dbSessions } = probed;
  if (!isExpected(endpoint, status))
    return { endpoint, status, dbQueries, dbSessions, failure: `${status} ${errorMessage(text)}` };

  let warning: string | undefined;
  try {
    const problem = endpoint.check?.(status === 304 ? null : JSON.parse(text));
    if (problem) warning = `the answer is not what was asked for: ${problem}`;
  } catch (error) {
    warning = `answer is not the expected JSON: ${(error as Error).message}`;
  }

  if (settings.warmup > 0) await run(baseUrl, endpoint, settings, settings.warmup);
  const before = await snapshot?.();
  const cpuBefore = cpuSnapshot();
  const result = await run(baseUrl, endpoint, settings, settings.duration);
  const cpuAfter = cpuSnapshot();
  const after = await snapshot?.();
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  const answered = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  if (!answered) {
    warning = [warning, `no request was answered within the ${settings.duration} s run`].filter(Boolean).join('; ');
  }
  const expected = Object.entries(statusCodes)
    .filter(([code]) => isExpected(endpoint, Number(code)))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    endpoint,
    status,
    dbQueries,
    dbSessions,
    warning,
    reqPerSec: result.requests.mean,
    // Without an answer autocannon reports 0 ms; there is no latency to report then.
    p50: answered ? result.latency.p50 : undefined,
    p99: answered ? result.latency.p99 : undefined,
    max: answered ? result.latency.max : undefined,
    answered,
    sent: result.requests.sent,
    non2xx: result.non2xx,
    unexpected: answered - expected,
    statusCodes,
    errors: result.errors + result.timeouts,
    before,
    after,
    cpu: cpuPerRequest(cpuBefore, cpuAfter, answered),
  };
}
