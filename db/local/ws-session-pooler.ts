import { randomInt } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { BackendConnection, BackendSession } from './backend-connection';
import type { ConnectionPool } from './connection-pool';
import type { ClientLogin, DatabaseTarget } from './database-targets';
import type { ProxyCounters } from './proxy-counters';
import { SessionStatements } from './session-statements';
import {
  backend,
  CANCEL_REQUEST,
  decodeCString,
  decodeStartup,
  GSSENC_REQUEST,
  MessageReader,
  PostgresError,
  SSL_REQUEST,
  type Message,
} from './postgres-messages';

/** Sessions that can be cancelled, by the key their client was given. */
export type CancelKeys = Map<string, () => void>;

const keyOf = (processId: number, secretKey: number) => `${processId}:${secretKey}`;

/**
 * One Neon-driver client on a WebSocket, served like a session pooler (pgbouncer's session mode): the
 * proxy answers the startup itself (asking for the password where the target wants one), leases a warm
 * backend connection for the session's lifetime, then forwards the protocol both ways. When the client
 * sends Terminate or goes away, the connection is brought back to idle, reset (ROLLBACK, and DISCARD ALL
 * but for the statements the proxy keeps prepared: session-statements.ts) and returned to the pool; one
 * that cannot be made clean is closed instead.
 */
export function serveWebSocketSession(
  ws: WebSocket,
  target: DatabaseTarget,
  cancelKeys: CancelKeys,
  counters?: ProxyCounters,
): void {
  const session = new ClientSession(ws, target, cancelKeys, counters);
  ws.on('message', (data) => session.receive(toBuffer(data)));
  ws.on('close', () => session.end());
  ws.on('error', () => session.end());
}

interface Lease {
  pool: ConnectionPool;
  connection: BackendConnection;
  session: BackendSession;
  statements: SessionStatements;
  cancelKey: string;
  /** performance.now() when the connection was leased. */
  since: number;
}

class ClientSession {
  private phase: 'startup' | 'password' | 'connecting' | 'active' | 'ended' = 'startup';
  private readonly reader = new MessageReader(true);
  private login: ClientLogin = { user: '', database: '' };
  private startupParameters: Record<string, string> = {};
  /** What the client sent while its connection was being leased. */
  private readonly early: Message[] = [];
  private lease?: Lease;

  constructor(
    private readonly ws: WebSocket,
    private readonly target: DatabaseTarget,
    private readonly cancelKeys: CancelKeys,
    private readonly counters?: ProxyCounters,
  ) {}

  receive(chunk: Buffer): void {
    let messages: Message[];
    try {
      messages = this.reader.push(chunk);
    } catch (error) {
      return this.refuse(PostgresError.of('08P01', (error as Error).message));
    }
    const forward: Buffer[] = [];
    for (const message of messages) {
      if (message.type === 'X') {
        // Terminate: what came before it in the same frame (a COMMIT, say) still goes to the server first.
        this.forward(forward);
        this.end();
        return void this.ws.close();
      }
      if (this.phase === 'active') forward.push(this.lease!.statements.fromClient(message));
      else if (this.phase === 'connecting') this.early.push(message);
      else if (this.phase === 'startup') this.startup(message);
      else if (this.phase === 'password') this.password(message);
    }
    this.forward(forward);
  }

  /** The client is gone (Terminate, close or error): its connection goes back once it is clean. */
  end(): void {
    const lease = this.phase === 'active' ? this.lease : undefined;
    this.phase = 'ended';
    if (!lease) return;
    this.lease = undefined;
    this.cancelKeys.delete(lease.cancelKey);
    if (this.counters) this.counters.wsHeldMs += performance.now() - lease.since;
    void lease.session
      .finish()
      .then((clean) => giveBack(lease.pool, lease.connection, clean, !lease.statements.needsDiscardAll));
  }

  private get ended(): boolean {
    return this.phase === 'ended';
  }

  private forward(messages: Buffer[]): void {
    if (messages.length && this.phase === 'active') this.lease?.session.write(Buffer.concat(messages));
  }

  private send(bytes: Buffer): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(bytes);
  }

  private refuse(error: unknown): void {
    const fields = error instanceof PostgresError ? error.fields : { code: '08006', message: (error as Error).message };
    this.send(backend.errorResponse({ ...fields, severity: 'FATAL' }));
    this.phase = 'ended';
    this.ws.close();
  }

  private startup(message: Message): void {
    const code = message.body.readInt32BE(0);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      // No TLS between the driver and a local proxy (the driver's useSecureWebSocket is off too).
      this.send(Buffer.from('N'));
      return this.reader.expectUntyped();
    }
    if (code === CANCEL_REQUEST) {
      this.cancelKeys.get(keyOf(message.body.readInt32BE(4), message.body.readInt32BE(8)))?.();
      this.phase = 'ended';
      return void this.ws.close();
    }
    if (code >> 16 !== 3) return this.refuse(PostgresError.of('0A000', `unsupported frontend protocol ${code >> 16}`));
    this.startupParameters = decodeStartup(message.body).parameters;
    const user = this.startupParameters.user ?? '';
    if (!user) return this.refuse(PostgresError.of('28000', 'no PostgreSQL user name specified in startup packet'));
    this.login = { user, database: this.startupParameters.database || user };
    if (!this.target.asksPassword(user)) return void this.connect();
    this.phase = 'password';
    this.send(backend.authenticationCleartextPassword());
  }

  private password(message: Message): void {
    if (message.type !== 'p') return this.refuse(PostgresError.of('08P01', 'expected a password message'));
    this.login = { ...this.login, password: decodeCString(message.body) };
    void this.connect();
  }

  private async connect(): Promise<void> {
    this.phase = 'connecting';
    let pool: ConnectionPool;
    let connection: BackendConnection;
    const waited = performance.now();
    try {
      pool = this.target.poolFor(this.login);
      connection = await pool.lease();
    } catch (error) {
      return this.refuse(error);
    }
    const since = performance.now();
    try {
      if (!this.ended) await applyStartupParameters(connection, this.startupParameters);
    } catch (error) {
      await giveBack(pool, connection, true);
      return this.refuse(error);
    }
    if (this.ended) return giveBack(pool, connection, true);

    const key = connection.key ?? { processId: randomInt(1, 2 ** 31), secretKey: randomInt(0, 2 ** 31) };
    this.send(
      Buffer.concat([
        backend.authenticationOk(),
        ...[...connection.parameters].map(([name, value]) => backend.parameterStatus(name, value)),
        backend.backendKeyData(key.processId, key.secretKey),
        backend.readyForQuery('I'),
      ]),
    );
    const cancelKey = keyOf(key.processId, key.secretKey);
    if (connection.key) this.cancelKeys.set(cancelKey, () => this.target.cancel(key));
    const statements = new SessionStatements(connection.prepared);
    const session = connection.openSession(
      (bytes) => this.send(bytes),
      () => this.ws.close(),
      (message) => statements.fromServer(message),
    );
    this.lease = { pool, connection, session, statements, cancelKey, since };
    if (this.counters) {
      this.counters.wsSessions += 1;
      this.counters.wsQueueMs += since - waited;
    }
    this.phase = 'active';
    this.forward(this.early.splice(0).map((message) => statements.fromClient(message)));
  }
}

async function giveBack(
  pool: ConnectionPool,
  connection: BackendConnection,
  clean: boolean,
  keepPrepared = false,
): Promise<void> {
  if (!clean) return pool.discard(connection);
  try {
    await connection.reset({ discardAll: true, keepPrepared });
    pool.release(connection);
  } catch {
    pool.discard(connection);
  }
}

const NOT_SETTINGS = new Set(['user', 'database', 'options', 'replication']);

/**
 * What the client asked for in its startup packet (application_name, statement_timeout, `options=-c x=y`)
 * applied to the pooled session, in one statement; DISCARD ALL undoes it when the session ends.
 */
async function applyStartupParameters(connection: BackendConnection, parameters: Record<string, string>) {
  const settings = [
    ...Object.entries(parameters).filter(([name]) => !NOT_SETTINGS.has(name)),
    ...commandLineSettings(parameters.options ?? ''),
  ];
  const reported = new Map([...connection.parameters.keys()].map((name) => [name.toLowerCase(), name]));
  const changes = settings.filter(([name, value]) => {
    const current = reported.get(name.toLowerCase());
    return current === undefined || connection.parameters.get(current) !== value;
  });
  if (!changes.length) return;
  for (const [name] of changes) {
    if (!/^[A-Za-z_][\w.]*$/.test(name)) throw PostgresError.of('42704', `invalid configuration parameter "${name}"`);
  }
  const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
  await connection.simpleQuery(
    `SELECT ${changes.map(([name, value]) => `pg_catalog.set_config(${quote(name)}, ${quote(value)}, false)`).join(', ')}`,
  );
  for (const [name, value] of changes) {
    const current = reported.get(name.toLowerCase());
    if (current) connection.parameters.set(current, value);
  }
}

/** `-c name=value`, `-cname=value` and `--name=value` from the startup's options (Neon's `endpoint=` is skipped). */
function commandLineSettings(options: string): [string, string][] {
  const tokens = options.split(/\s+/).filter(Boolean);
  const settings: [string, string][] = [];
  for (let i = 0; i < tokens.length; i++) {
    let token = tokens[i]!;
    if (token === '-c') token = tokens[++i] ?? '';
    else if (token.startsWith('-c') || token.startsWith('--')) token = token.slice(2);
    else continue;
    const at = token.indexOf('=');
    if (at > 0) settings.push([token.slice(0, at).replace(/-/g, '_'), token.slice(at + 1)]);
  }
  return settings;
}

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
}
