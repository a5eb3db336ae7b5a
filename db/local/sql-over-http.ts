import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BackendConnection } from './backend-connection';
import { PoolBusyError, type ConnectionPool } from './connection-pool';
import type { DatabaseTarget } from './database-targets';
import type { ProxyCounters } from './proxy-counters';
import { batchHeaders, HttpProtocolError, parseNeonRequest, renderError, renderResult } from './neon-http-protocol';
import { PostgresError } from './postgres-messages';
import { runStatement, runTransaction, type StatementResult } from './run-statements';

// Neon's limits for one request and one response (proxy HttpConfig defaults).
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Command tags after which a pooled session may carry state into the next request: reset it then. */
const SESSION_STATE_TAGS = new Set([
  'SET',
  'RESET',
  'PREPARE',
  'DEALLOCATE',
  'DEALLOCATE ALL',
  'DECLARE CURSOR',
  'LISTEN',
  'LOAD',
  'DISCARD ALL',
]);

/** POST /sql: one statement, or a batch in one transaction, on a pooled connection. */
export async function handleSqlOverHttp(
  request: IncomingMessage,
  response: ServerResponse,
  findTarget: (address: string) => DatabaseTarget | undefined,
  counters?: ProxyCounters,
): Promise<void> {
  let pool: ConnectionPool | undefined;
  let connection: BackendConnection | undefined;
  let results: StatementResult[] = [];
  try {
    if (request.method !== 'POST') throw new HttpProtocolError(405, 'use POST');
    const parsed = parseNeonRequest(request.headers, await readBody(request));
    const target = findTarget(parsed.address);
    if (!target) throw new HttpProtocolError(400, `this proxy does not serve a database at ${parsed.address}`);
    pool = target.poolFor(parsed.login);
    const waited = performance.now();
    connection = await pool.lease();
    const started = performance.now();
    if (counters) {
      counters.httpQueueMs += started - waited;
      counters.httpStatements += parsed.statements.length;
    }
    try {
      results = parsed.batch
        ? await runTransaction(connection, parsed.statements, parsed.transaction)
        : [await runStatement(connection, parsed.statements[0]!)];
    } finally {
      if (counters) counters.httpDatabaseMs += performance.now() - started;
    }
    const rendered = results.map((result, i) => renderResult(result, parsed.statements[i]!.arrayMode));
    const body = JSON.stringify(parsed.batch ? { results: rendered } : rendered[0]);
    if (body.length > MAX_RESPONSE_BYTES) {
      throw new HttpProtocolError(507, `response is too large (max is ${MAX_RESPONSE_BYTES} bytes)`);
    }
    send(response, 200, body, parsed.batch ? batchHeaders(parsed.transaction) : {});
  } catch (error) {
    if (counters) counters.httpErrors += 1;
    if (error instanceof PoolBusyError) send(response, 503, JSON.stringify(renderError(error.fields)));
    else if (error instanceof PostgresError) send(response, 400, JSON.stringify(renderError(error.fields)));
    else if (error instanceof HttpProtocolError)
      send(response, error.status, JSON.stringify({ message: error.message }));
    else send(response, 500, JSON.stringify({ message: `database connection failed: ${(error as Error).message}` }));
  } finally {
    if (counters) counters.httpRequests += 1;
    // The answer is on its way; the connection is made clean for the next borrower after it.
    if (pool && connection) await giveBack(pool, connection, results);
  }
}

async function giveBack(pool: ConnectionPool, connection: BackendConnection, results: StatementResult[]) {
  try {
    await connection.reset({ discardAll: results.some((r) => SESSION_STATE_TAGS.has(r.tag)) });
    pool.release(connection);
  } catch {
    pool.discard(connection);
  }
}

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= MAX_REQUEST_BYTES) return void chunks.push(chunk);
      // Read the rest without keeping it, so the 413 can still be answered on this connection.
      chunks.length = 0;
      reject(new HttpProtocolError(413, `request is too large (max is ${MAX_REQUEST_BYTES} bytes)`));
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
