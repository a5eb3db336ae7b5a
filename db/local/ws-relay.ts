import net from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface Relay {
  /** host:port to give the Neon driver as its wsProxy. */
  address: string;
  stop(): Promise<void>;
}

export interface RelayOptions {
  /** Postgres addresses (host:port) the relay may reach; anything else is refused. */
  targets: string[];
  /**
   * Admit one connection at a time. PGlite's socket server runs every client in one Postgres session
   * and falls over when several connect at once (runtime-facts.md), so the embedded database needs it.
   */
  serial: boolean;
  port?: number;
}

/** The Neon driver speaks the Postgres protocol over WebSockets; this pipes each one to a TCP socket. */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const allowed = new Set(options.targets);
  let queue: Promise<void> = Promise.resolve();

  const wss = new WebSocketServer({ host: '127.0.0.1', port: options.port ?? 0 });
  wss.on('connection', (ws, request) => {
    const target = new URL(request.url ?? '/', 'http://relay').searchParams.get('address') ?? '';
    if (!allowed.has(target)) {
      ws.close(1008, 'address not allowed');
      return;
    }
    if (!options.serial) {
      pipe(ws, target);
      return;
    }
    const turn = queue.then(
      () =>
        new Promise<void>((release) => {
          if (ws.readyState !== ws.OPEN) return release();
          pipe(ws, target, release);
        }),
    );
    queue = turn;
  });

  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  const { port } = wss.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

function pipe(ws: WebSocket, target: string, onClosed?: () => void): void {
  const [host, port] = splitAddress(target);
  const socket = net.connect({ host, port });
  const pending: Buffer[] = [];
  let connected = false;
  let finished = false;
  const finish = (why?: unknown) => {
    if (process.env.RELAY_DEBUG) console.log('relay finish', String(why));
    if (finished) return;
    finished = true;
    socket.destroy();
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
    // Give the database a moment to notice the socket closed before the next client takes the session.
    setTimeout(() => onClosed?.(), 5);
  };
  socket.setNoDelay(true);
  socket.on('connect', () => {
    connected = true;
    for (const chunk of pending.splice(0)) socket.write(chunk);
  });
  socket.on('data', (chunk) => ws.send(chunk));
  socket.on('close', () => finish('tcp close'));
  socket.on('error', finish);
  ws.on('message', (data) => {
    const chunk = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    if (connected) socket.write(chunk);
    else pending.push(chunk);
    // PGlite's socket server does not hang up on Terminate as Postgres does; the driver waits for it.
    if (endsWithTerminate(chunk)) socket.end();
  });
  ws.on('close', () => finish('ws close'));
  ws.on('error', finish);
}

const TERMINATE = Buffer.from([0x58, 0, 0, 0, 4]);

function endsWithTerminate(chunk: Buffer): boolean {
  return chunk.length >= TERMINATE.length && chunk.subarray(chunk.length - TERMINATE.length).equals(TERMINATE);
}

function splitAddress(address: string): [string, number] {
  const at = address.lastIndexOf(':');
  return [address.slice(0, at), Number(address.slice(at + 1))];
}
