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
   * and falls over when several connect at once (ten at once failed half the time), so the embedded
   * database needs it.
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
    // The driver sends its startup message at once; hold it while the connection waits its turn.
    const early: Buffer[] = [];
    const hold = (data: unknown) => early.push(toBuffer(data));
    ws.on('message', hold);
    const begin = (release?: () => void) => {
      ws.off('message', hold);
      pipe(ws, target, early, release);
    };
    if (!options.serial) {
      begin();
      return;
    }
    const turn = queue.then(
      () =>
        new Promise<void>((release) => {
          if (ws.readyState !== ws.OPEN) return release();
          begin(release);
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

function toBuffer(data: unknown): Buffer {
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
}

function pipe(ws: WebSocket, target: string, pending: Buffer[], onClosed?: () => void): void {
  const [host, port] = splitAddress(target);
  const socket = net.connect({ host, port });
  let connected = false;
  let finished = false;
  const finish = () => {
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
    for (const chunk of pending.splice(0)) {
      socket.write(chunk);
      if (endsWithTerminate(chunk)) socket.end();
    }
  });
  socket.on('data', (chunk) => ws.send(chunk));
  socket.on('close', finish);
  socket.on('error', finish);
  ws.on('message', (data) => {
    const chunk = toBuffer(data);
    if (!connected) return void pending.push(chunk);
    socket.write(chunk);
    // PGlite's socket server does not hang up on Terminate as Postgres does; the driver waits for it.
    if (endsWithTerminate(chunk)) socket.end();
  });
  ws.on('close', finish);
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
