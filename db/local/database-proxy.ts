import http from 'node:http';
import type net from 'node:net';
import { WebSocketServer } from 'ws';
import type { DatabaseTarget } from './database-targets';
import { newProxyCounters, type ProxyCounters } from './proxy-counters';
import { handleSqlOverHttp } from './sql-over-http';
import { serveWebSocketSession, type CancelKeys } from './ws-session-pooler';

export interface DatabaseProxy {
  /** host:port for the Neon driver's wsProxy: `${wsProxy}/?address=<host:port of the database>`. */
  wsProxy: string;
  /** The Neon driver's fetchEndpoint: SQL over HTTP. */
  sqlHttpUrl: string;
  /** What the proxy has done so far (also served at GET /stats), for the benchmark. */
  counters(): ProxyCounters;
  stop(): Promise<void>;
}

/**
 * What Neon's proxy is to the Neon driver, for local databases, on one port: WebSocket sessions (the
 * Postgres protocol, for interactive transactions) and SQL over HTTP at /sql (one round trip per read),
 * both served from the targets' pools of warm connections.
 */
export async function startDatabaseProxy(targets: DatabaseTarget[], port = 0): Promise<DatabaseProxy> {
  const byAddress = new Map(targets.map((t) => [t.address, t]));
  const cancelKeys: CancelKeys = new Map();
  const counters = newProxyCounters();
  const snapshot = (): ProxyCounters => ({
    ...counters,
    backendsStarted: targets.reduce((sum, t) => sum + t.backendsStarted(), 0),
  });

  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://proxy').pathname;
    if (path === '/stats' && request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(snapshot()));
      return;
    }
    if (path !== '/sql') {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found: POST /sql"}');
      return;
    }
    void handleSqlOverHttp(request, response, (address) => byAddress.get(address), counters);
  });
  // workerd keeps its connections to the proxy open between requests. Node closes an idle one after 5 s
  // by default, and a request workerd sends on it at that moment fails ("Network connection lost", a 500
  // seen by the benchmark's mixed run): keep idle connections far longer than any gap between requests.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket, head) => {
    const address = new URL(request.url ?? '/', 'http://proxy').searchParams.get('address') ?? '';
    wss.handleUpgrade(request, socket, head, (ws) => {
      const target = byAddress.get(address);
      if (!target) return ws.close(1008, 'address not allowed');
      serveWebSocketSession(ws, target, cancelKeys, counters);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as net.AddressInfo;
  return {
    wsProxy: `127.0.0.1:${bound}`,
    sqlHttpUrl: `http://127.0.0.1:${bound}/sql`,
    counters: snapshot,
    stop: async () => {
      for (const client of wss.clients) client.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(targets.map((t) => t.close()));
    },
  };
}
