import net from 'node:net';
import { baseUrl } from './api';

export interface RawRequest {
  method: string;
  path: string;
  token?: string;
  body?: string;
}

/**
 * Sends the requests one after another on one keep-alive connection, as a browser or a load generator
 * reuses it, and answers each one's status line. A connection the server closed after an answer leaves
 * the rest unanswered ('closed' in their place) instead of failing the whole call.
 */
export async function onOneConnection(requests: RawRequest[]): Promise<string[]> {
  const url = new URL(baseUrl());
  const socket = net.connect(Number(url.port), url.hostname);
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let buffered = Buffer.alloc(0);
  let closed = false;
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    wake();
  });
  socket.on('close', () => {
    closed = true;
    wake();
  });
  socket.on('error', () => {
    closed = true;
    wake();
  });

  /** One whole answer (headers and Content-Length bytes of body) off the buffer, or null once closed. */
  async function nextAnswer(): Promise<string | null> {
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end >= 0) {
        const head = buffered.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffered.length >= end + 4 + length) {
          buffered = buffered.subarray(end + 4 + length);
          return head.split('\r\n')[0]!;
        }
      }
      if (closed) return null;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  const statuses: string[] = [];
  try {
    for (const request of requests) {
      if (closed) {
        statuses.push('closed');
        continue;
      }
      const body = request.body ?? '';
      socket.write(
        [
          `${request.method} ${request.path} HTTP/1.1`,
          `Host: ${url.host}`,
          ...(request.token ? [`Authorization: Bearer ${request.token}`] : []),
          ...(body ? ['Content-Type: application/json'] : []),
          `Content-Length: ${Buffer.byteLength(body)}`,
          '',
          body,
        ].join('\r\n'),
      );
      const answer = await nextAnswer();
      statuses.push(answer ? answer.split(' ')[1]! : 'closed');
    }
  } finally {
    socket.destroy();
  }
  return statuses;
}
