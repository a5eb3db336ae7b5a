import type { IncomingHttpHeaders } from 'node:http';
import type { ClientLogin } from './database-targets';
import type { PostgresErrorFields } from './postgres-messages';
import type { IsolationLevel, Statement, StatementResult, TransactionOptions } from './run-statements';

// Neon's SQL-over-HTTP protocol, as @neondatabase/serverless 1.2.0 speaks it (neon(), sql.transaction(),
// drizzle's neon-http) and as Neon's proxy answers (proxy/src/serverless/sql_over_http.rs):
//   POST <fetchEndpoint>  Neon-Connection-String: postgresql://user:password@host:port/database
//                         Neon-Raw-Text-Output: true, Neon-Array-Mode: true|false,
//                         Neon-Batch-Isolation-Level / -Read-Only / -Deferrable (batches only)
//   body  {query, params}  or  {queries: [{query, params, arrayMode?}, ...]}
//   200   {command, rowCount, rows, fields: [{name, dataTypeID, ...}], rowAsArray}  or  {results: [...]}
//   400   {message, code, detail, constraint, ...}: a Postgres error, copied onto the driver's NeonDbError.

export class HttpProtocolError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface NeonHttpRequest {
  /** host:port of the connection string: which database server. */
  address: string;
  login: ClientLogin;
  /** A batch ({queries}) runs in one transaction; a single query in its own. */
  batch: boolean;
  statements: (Statement & { arrayMode: boolean })[];
  transaction: TransactionOptions;
}

const ISOLATION_LEVELS = new Set<string>(['ReadUncommitted', 'ReadCommitted', 'RepeatableRead', 'Serializable']);

export function parseNeonRequest(headers: IncomingHttpHeaders, body: string): NeonHttpRequest {
  const header = (name: string) => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const { address, login } = parseConnectionString(header('Neon-Connection-String'));
  if (header('Authorization')) {
    throw new HttpProtocolError(400, 'authToken (JWT authentication) is not available on the local endpoint');
  }
  // The driver always asks for raw text and parses values itself by type OID; Neon's other mode (values
  // converted to JSON types) is not something our code uses.
  if (header('Neon-Raw-Text-Output') !== 'true') {
    throw new HttpProtocolError(400, 'the local endpoint answers only with Neon-Raw-Text-Output: true');
  }
  const defaultArrayMode = header('Neon-Array-Mode') === 'true';
  const isolationLevel = header('Neon-Batch-Isolation-Level');
  if (isolationLevel !== undefined && !ISOLATION_LEVELS.has(isolationLevel)) {
    throw new HttpProtocolError(400, 'invalid isolation level');
  }

  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    throw new HttpProtocolError(400, 'the request body is not JSON');
  }
  const batch = isObject(payload) && Array.isArray(payload.queries);
  const items = batch ? (payload as { queries: unknown[] }).queries : [payload];
  return {
    address,
    login,
    batch,
    statements: items.map((item) => parseQuery(item, defaultArrayMode)),
    transaction: {
      isolationLevel: isolationLevel as IsolationLevel | undefined,
      readOnly: header('Neon-Batch-Read-Only') === 'true',
      deferrable: header('Neon-Batch-Deferrable') === 'true',
    },
  };
}

function parseConnectionString(value: string | undefined): { address: string; login: ClientLogin } {
  if (!value) throw new HttpProtocolError(400, 'missing the Neon-Connection-String header');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new HttpProtocolError(400, 'Neon-Connection-String is not a URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new HttpProtocolError(400, 'Neon-Connection-String must be a postgres:// URL');
  }
  const user = decodeURIComponent(url.username);
  if (!user || !url.hostname) throw new HttpProtocolError(400, 'Neon-Connection-String names no user or host');
  return {
    address: `${url.hostname}:${url.port || '5432'}`,
    login: {
      user,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      database: decodeURIComponent(url.pathname.slice(1)) || user,
    },
  };
}

function parseQuery(item: unknown, defaultArrayMode: boolean): Statement & { arrayMode: boolean } {
  if (!isObject(item) || typeof item.query !== 'string') {
    throw new HttpProtocolError(400, 'each query needs a "query" string');
  }
  if (item.params !== undefined && !Array.isArray(item.params)) {
    throw new HttpProtocolError(400, '"params" must be an array');
  }
  return {
    query: item.query,
    params: ((item.params as unknown[] | undefined) ?? []).map(toPostgresText),
    arrayMode: typeof item.arrayMode === 'boolean' ? item.arrayMode : defaultArrayMode,
  };
}

/** A JSON parameter in Postgres text format; the driver already sends text, hand-made requests may not. */
function toPostgresText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function arrayLiteral(values: unknown[]): string {
  const items = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return arrayLiteral(value);
    return `"${toPostgresText(value)!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

export function renderResult(result: StatementResult, arrayMode: boolean) {
  return {
    command: result.command,
    rowCount: result.rowCount,
    rows: arrayMode
      ? result.rows
      : result.rows.map((row) => Object.fromEntries(result.fields.map((field, i) => [field.name, row[i]]))),
    fields: result.fields,
    rowAsArray: arrayMode,
  };
}

/** Neon's error body: the Postgres message and every field the driver copies onto NeonDbError. */
export function renderError(fields: PostgresErrorFields) {
  return { ...fields, message: fields.message ?? 'unknown error' };
}

/** Neon echoes a batch's transaction options in the response headers. */
export function batchHeaders(options: TransactionOptions): Record<string, string> {
  return {
    ...(options.isolationLevel ? { 'Neon-Batch-Isolation-Level': options.isolationLevel } : {}),
    ...(options.readOnly ? { 'Neon-Batch-Read-Only': 'true' } : {}),
    ...(options.deferrable ? { 'Neon-Batch-Deferrable': 'true' } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
