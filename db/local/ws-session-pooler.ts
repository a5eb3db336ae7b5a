import { randomInt } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { BackendConnection, BackendSession } from './backend-connection';
import type { ConnectionPool } from './connection-pool';
import type { ClientLogin, DatabaseTarget } from './database-targets';
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
 * sends Terminate or goes away, the connection is brought back to idle, reset (ROLLBACK, DISCARD ALL)
 * and returned to the pool; one that cannot be made clean is closed instead.
 */
export function serveWebSocketSession(ws: WebSocket, target: DatabaseTarget, cancelKeys: CancelKeys): void {
  const reader = new MessageReader(true);
  let phase: 'startup' | 'password' | 'connecting' | 'active' | 'ended' = 'startup';
  let login: ClientLogin = { user: '', database: '' };
  let startupParameters: Record<string, string> = {};
  const early: Buffer[] = [];
  let end: () => void = () => {
    phase = 'ended';
  };
  let activeSession: BackendSession | undefined;

  const send = (bytes: Buffer) => {
    if (ws.readyState === ws.OPEN) ws.send(bytes);
  };
  const refuse = (error: unknown) => {
    const fields = error instanceof PostgresError ? error.fields : { code: '08006', message: (error as Error).message };
    send(backend.errorResponse({ ...fields, severity: 'FATAL' }));
    phase = 'ended';
    ws.close();
  };

  const connect = async () => {
    phase = 'connecting';
    let pool: ConnectionPool;
    let connection: BackendConnection;
    try {
      pool = target.poolFor(login);
      connection = await pool.lease();
    } catch (error) {
      return refuse(error);
    }
    if ((phase as string) === 'ended') return pool.release(connection);
    try {
      await applyStartupParameters(connection, startupParameters);
    } catch (error) {
      await giveBack(pool, connection, true);
      return refuse(error);
    }
    if ((phase as string) === 'ended') return giveBack(pool, connection, true);

    const key = connection.key ?? { processId: randomInt(1, 2 ** 31), secretKey: randomInt(0, 2 ** 31) };
    send(
      Buffer.concat([
        backend.authenticationOk(),
        ...[...connection.parameters].map(([name, value]) => backend.parameterStatus(name, value)),
        backend.backendKeyData(key.processId, key.secretKey),
        backend.readyForQuery('I'),
      ]),
    );
    if (connection.key) cancelKeys.set(keyOf(key.processId, key.secretKey), () => target.cancel(key));
    const session: BackendSession = connection.openSession(send, () => ws.close());
    phase = 'active';
    end = () => {
      if (phase === 'ended') return;
      phase = 'ended';
      cancelKeys.delete(keyOf(key.processId, key.secretKey));
      void session.finish().then((clean) => giveBack(pool, connection, clean));
    };
    if (early.length) session.write(Buffer.concat(early.splice(0)));
    activeSession = session;
  };

  const handle = (message: Message): void => {
    if (phase === 'startup') return startup(message);
    if (phase === 'password') {
      if (message.type !== 'p') return refuse(PostgresError.of('08P01', 'expected a password message'));
      login = { ...login, password: decodeCString(message.body) };
      return void connect();
    }
  };

  const startup = (message: Message): void => {
    const code = message.body.readInt32BE(0);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
      // No TLS between the driver and a local proxy (the driver's useSecureWebSocket is off too).
      send(Buffer.from('N'));
      return reader.expectUntyped();
    }
    if (code === CANCEL_REQUEST) {
      cancelKeys.get(keyOf(message.body.readInt32BE(4), message.body.readInt32BE(8)))?.();
      phase = 'ended';
      return void ws.close();
    }
    if (code >> 16 !== 3) return refuse(PostgresError.of('0A000', `unsupported frontend protocol ${code >> 16}`));
    startupParameters = decodeStartup(message.body).parameters;
    const user = startupParameters.user ?? '';
    if (!user) return refuse(PostgresError.of('28000', 'no PostgreSQL user name specified in startup packet'));
    login = { user, database: startupParameters.database || user };
    if (!target.asksPassword(user)) return void connect();
    phase = 'password';
    send(backend.authenticationCleartextPassword());
  };

  ws.on('message', (data) => {
    let messages: Message[];
    try {
      messages = reader.push(toBuffer(data));
    } catch (error) {
      return refuse(PostgresError.of('08P01', (error as Error).message));
    }
    const forward: Buffer[] = [];
    for (const message of messages) {
      if (message.type === 'X') {
        // Terminate: the driver then waits for the server to close the connection.
        end();
        ws.close();
        break;
      }
      if (phase === 'active') forward.push(message.raw);
      else if (phase === 'connecting') early.push(message.raw);
      else handle(message);
    }
    if (forward.length && phase === 'active') activeSession?.write(Buffer.concat(forward));
  });
  ws.on('close', () => end());
  ws.on('error', () => end());
}

async function giveBack(pool: ConnectionPool, connection: BackendConnection, clean: boolean): Promise<void> {
  if (!clean) return pool.discard(connection);
  try {
    await connection.reset({ discardAll: true });
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
