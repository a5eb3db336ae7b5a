import type { BackendConnection } from './backend-connection';
import { PostgresError } from './postgres-messages';

export interface PoolOptions {
  /** Connections open at most (leased, idle and being opened). */
  max: number;
  /** Idle connections kept ready, so a request does not wait for a Postgres backend to start. */
  warm: number;
  /** How long a request waits for a connection before it is refused (53300 / HTTP 503). */
  queueTimeoutMs: number;
  /** Idle connections beyond `warm` are closed after this long. */
  idleTimeoutMs: number;
}

interface Waiter {
  resolve(connection: BackendConnection): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Every connection is busy and the wait ran out: Postgres' too_many_connections. */
export class PoolBusyError extends PostgresError {
  constructor(message: string) {
    super({ severity: 'FATAL', code: '53300', message });
  }
}

/**
 * A bounded pool of warm connections with a FIFO queue. `lease` hands out an idle connection, opens one
 * when under `max`, or waits its turn; waiting longer than `queueTimeoutMs` rejects with PoolBusyError.
 * The borrower gives the connection back with `release` (only an idle, open one is kept) or `discard`.
 */
export class ConnectionPool {
  private readonly idle: { connection: BackendConnection; since: number }[] = [];
  private readonly connections = new Set<BackendConnection>();
  private readonly waiters: Waiter[] = [];
  private size = 0;
  private opening = 0;
  /** Connections this pool has opened since it was made: each one a backend started. */
  opened = 0;
  private closed = false;
  private readonly reaper: NodeJS.Timeout;

  constructor(
    private readonly open: () => Promise<BackendConnection>,
    private readonly options: PoolOptions,
    private readonly label: string,
  ) {
    this.reaper = setInterval(() => this.closeIdleBeyondWarm(), Math.min(options.idleTimeoutMs, 60_000));
    this.reaper.unref();
  }

  /** Opens the warm connections now rather than on the first request. */
  warmUp(): void {
    this.replenish();
  }

  lease(): Promise<BackendConnection> {
    if (this.closed)
      return Promise.reject(new PostgresError({ code: '57P01', message: 'the database proxy is stopping' }));
    const ready = this.takeIdle();
    if (ready) {
      this.replenish();
      return Promise.resolve(ready);
    }
    const waiting = new Promise<BackendConnection>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(
            new PoolBusyError(
              `too many clients: all ${this.options.max} connections to ${this.label} stayed busy for ${this.options.queueTimeoutMs} ms`,
            ),
          );
        }, this.options.queueTimeoutMs),
      };
      this.waiters.push(waiter);
    });
    this.replenish();
    return waiting;
  }

  /** Takes back a connection; the borrower has already reset it (no transaction, no session state left). */
  release(connection: BackendConnection): void {
    if (connection.closed || connection.status !== 'I' || this.closed) return this.discard(connection);
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(connection);
    } else {
      this.idle.push({ connection, since: Date.now() });
    }
  }

  discard(connection: BackendConnection): void {
    connection.close();
  }

  get stats() {
    return { size: this.size, idle: this.idle.length, waiting: this.waiters.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.reaper);
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new PostgresError({ severity: 'FATAL', code: '57P01', message: 'the database proxy is stopping' }));
    }
    this.idle.length = 0;
    for (const connection of this.connections) connection.close();
  }

  private takeIdle(): BackendConnection | undefined {
    // Last in, first out: the most recently used backend has the warmest caches.
    for (let entry = this.idle.pop(); entry; entry = this.idle.pop()) {
      if (!entry.connection.closed) return entry.connection;
    }
    return undefined;
  }

  /** Opens connections for the waiters, then up to `warm` spares, never more than `max` in all. */
  private replenish(withSpares = true): void {
    const spares = withSpares ? this.options.warm - this.idle.length : 0;
    const wanted = this.waiters.length + spares - this.opening;
    const room = this.options.max - this.size;
    for (let i = 0; i < Math.min(wanted, room) && !this.closed; i++) this.openOne();
  }

  private openOne(): void {
    this.opened += 1;
    this.size += 1;
    this.opening += 1;
    this.open().then(
      (connection) => {
        this.opening -= 1;
        this.connections.add(connection);
        connection.onClose(() => {
          this.size -= 1;
          this.connections.delete(connection);
          const at = this.idle.findIndex((entry) => entry.connection === connection);
          if (at >= 0) this.idle.splice(at, 1);
          if (!this.closed) this.replenish();
        });
        this.release(connection);
      },
      (error: Error) => {
        this.opening -= 1;
        this.size -= 1;
        // The server refused (wrong password, no such database): tell the first waiter now, not at timeout.
        const waiter = this.waiters.shift();
        if (waiter) {
          clearTimeout(waiter.timer);
          waiter.reject(error);
        }
        // One attempt per waiter; no spares after a failure, or a server that is down would be retried forever.
        if (!this.closed) this.replenish(false);
      },
    );
  }

  private closeIdleBeyondWarm(): void {
    const cutoff = Date.now() - this.options.idleTimeoutMs;
    while (this.idle.length > this.options.warm && this.idle[0]!.since < cutoff) {
      this.idle.shift()!.connection.close();
    }
  }
}
