import net from 'node:net';
import { BackendConnection } from './backend-connection';
import { md5PasswordResponse, ScramClient } from './postgres-auth';
import {
  decodeBackendKeyData,
  decodeCString,
  decodeError,
  decodeParameterStatus,
  frontend,
  MessageReader,
  PostgresError,
  type Message,
} from './postgres-messages';

export interface PostgresLogin {
  host: string;
  port: number;
  user: string;
  database: string;
  password?: string;
}

const CONNECT_TIMEOUT_MS = 10_000;
/** How the proxy's own sessions show in pg_stat_activity until a client names itself. */
export const POOL_APPLICATION_NAME = 'lms-local-proxy';

/** A new TCP session on a Postgres server, through startup and authentication, ready for queries. */
export function openPostgresConnection(login: PostgresLogin): Promise<BackendConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: login.host, port: login.port });
    socket.setNoDelay(true);
    // Idle pooled connections stay open for minutes; keep-alive notices a server that went away.
    socket.setKeepAlive(true, 30_000);
    const reader = new MessageReader();
    const parameters = new Map<string, string>();
    let key: { processId: number; secretKey: number } | undefined;
    let scram: ScramClient | undefined;
    let settled = false;

    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`no answer from Postgres at ${login.host}:${login.port}`)),
      CONNECT_TIMEOUT_MS,
    );

    const authenticate = (message: Message) => {
      const code = message.body.readInt32BE(0);
      const password = login.password ?? '';
      if (code === 0) return;
      if (code === 3) return void socket.write(frontend.password(password));
      if (code === 5)
        return void socket.write(
          frontend.password(md5PasswordResponse(login.user, password, message.body.subarray(4, 8))),
        );
      if (code === 10) {
        const mechanisms = message.body.toString('utf8', 4).split('\0');
        if (!mechanisms.includes('SCRAM-SHA-256'))
          throw new Error(`unsupported SASL mechanisms: ${mechanisms.join(', ')}`);
        scram = new ScramClient(password);
        return void socket.write(frontend.saslInitialResponse('SCRAM-SHA-256', Buffer.from(scram.clientFirstMessage)));
      }
      if (code === 11 && scram)
        return void socket.write(frontend.saslResponse(Buffer.from(scram.respond(message.body.toString('utf8', 4)))));
      if (code === 12 && scram) return scram.verify(message.body.toString('utf8', 4));
      throw new Error(`unsupported Postgres authentication request ${code}`);
    };

    const onStartupData = (chunk: Buffer) => {
      try {
        for (const message of reader.push(chunk)) {
          if (message.type === 'R') authenticate(message);
          else if (message.type === 'S') parameters.set(...decodeParameterStatus(message.body));
          else if (message.type === 'K') key = decodeBackendKeyData(message.body);
          else if (message.type === 'E') throw new PostgresError(decodeError(message.body));
          else if (message.type === 'Z') return ready();
          else if (message.type !== 'N' && message.type !== 'v') {
            throw new Error(`unexpected message '${message.type}' during startup: ${decodeCString(message.body)}`);
          }
        }
      } catch (error) {
        fail(error as Error);
      }
    };

    const ready = () => {
      settled = true;
      clearTimeout(timer);
      socket.off('data', onStartupData);
      socket.off('error', fail);
      const connection = new BackendConnection(
        {
          write: (bytes) => socket.write(bytes),
          close: () => socket.end(frontend.terminate()),
        },
        parameters,
        key,
      );
      socket.on('data', (chunk) => connection.receive(chunk));
      socket.on('error', (error) => connection.lost(error));
      socket.on('close', () => connection.lost());
      resolve(connection);
    };

    socket.on('data', onStartupData);
    socket.on('error', fail);
    socket.on('close', () => fail(new Error(`Postgres at ${login.host}:${login.port} closed the connection`)));
    socket.on('connect', () =>
      socket.write(
        frontend.startup({ user: login.user, database: login.database, application_name: POOL_APPLICATION_NAME }),
      ),
    );
  });
}

/** Asks the server to cancel what the session with this key is running (a new connection, as Postgres wants). */
export function sendCancelRequest(host: string, port: number, processId: number, secretKey: number): void {
  const socket = net.connect({ host, port }, () => socket.end(frontend.cancelRequest(processId, secretKey)));
  socket.on('error', () => socket.destroy());
  socket.setTimeout(5_000, () => socket.destroy());
}
