import {
  decodeError,
  decodeParameterStatus,
  frontend,
  MessageReader,
  PostgresError,
  type Message,
} from './postgres-messages';
import { PreparedStatements } from './prepared-statements';

/** Where a backend connection's bytes go: a TCP socket to Postgres, or PGlite's protocol entry point. */
export interface Transport {
  write(bytes: Buffer): void;
  close(): void;
}

/** ReadyForQuery's transaction status: idle, in a transaction block, in a failed one. */
export type TransactionStatus = 'I' | 'T' | 'E';

const DRAIN_TIMEOUT_MS = 5_000;

/** What DISCARD ALL does, but for dropping prepared statements and cached plans; one implicit transaction. */
const SESSION_RESET_KEEPING_STATEMENTS =
  'CLOSE ALL; SET SESSION AUTHORIZATION DEFAULT; RESET ALL; UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES';

/**
 * One authenticated Postgres session, past its startup. The pool lends it either for exchanges (the SQL
 * over HTTP endpoint sends messages and reads the answers up to ReadyForQuery) or for a client's whole
 * WebSocket session (bytes forwarded both ways, while ReadyForQuery is counted so the connection can be
 * brought back to idle and reset when the client leaves).
 */
export class BackendConnection {
  status: TransactionStatus = 'I';
  closed = false;
  /** What the server reported with ParameterStatus (or, for PGlite, what we read), as it is now. */
  parameters: Map<string, string>;
  /** The proxy's own named statements on this session (SQL over HTTP), by text. */
  readonly prepared = new PreparedStatements();
  private readonly reader = new MessageReader();
  private exchange?: { messages: Message[]; remaining: number; resolve(m: Message[]): void; reject(e: Error): void };
  private session?: SessionState;
  private readonly closeListeners: (() => void)[] = [];

  constructor(
    private readonly transport: Transport,
    /** Parameters right after startup: what DISCARD ALL brings the session back to. */
    private readonly baseline: Map<string, string>,
    /** The server's cancel key for this session, when it has one (PGlite has none). */
    readonly key?: { processId: number; secretKey: number },
  ) {
    this.parameters = new Map(baseline);
  }

  /** Feeds bytes the server sent. */
  receive(chunk: Buffer): void {
    this.session?.forward(chunk);
    for (const message of this.reader.push(chunk)) {
      if (message.type === 'S') {
        const [name, value] = decodeParameterStatus(message.body);
        this.parameters.set(name, value);
      } else if (message.type === 'Z') {
        this.status = String.fromCharCode(message.body[0]!) as TransactionStatus;
      }
      if (this.session) this.session.observe(message);
      else if (this.exchange) {
        this.exchange.messages.push(message);
        if (message.type === 'Z' && --this.exchange.remaining === 0) {
          const { messages, resolve } = this.exchange;
          this.exchange = undefined;
          resolve(messages);
        }
      }
    }
  }

  /** The transport is gone: whoever waits on this connection learns it now. */
  lost(error: Error = new Error('the database connection was lost')): void {
    if (this.closed) return;
    this.closed = true;
    this.exchange?.reject(error);
    this.exchange = undefined;
    this.session?.lost();
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  close(): void {
    if (this.closed) return;
    this.transport.close();
    this.lost();
  }

  /** Sends messages and resolves with everything the server answers, up to the `readyCount`-th ReadyForQuery. */
  send(bytes: Buffer, readyCount: number): Promise<Message[]> {
    if (this.closed) return Promise.reject(new Error('the database connection is closed'));
    if (this.exchange || this.session) return Promise.reject(new Error('the database connection is busy'));
    return new Promise((resolve, reject) => {
      this.exchange = { messages: [], remaining: readyCount, resolve, reject };
      this.transport.write(bytes);
    });
  }

  /** Runs simple-protocol statements, one Query message each; throws the first error. */
  async simpleQuery(...statements: string[]): Promise<void> {
    const messages = await this.send(Buffer.concat(statements.map(frontend.query)), statements.length);
    const error = messages.find((m) => m.type === 'E');
    if (error) throw new PostgresError(decodeError(error.body));
  }

  /**
   * Leaves no trace of the last borrower: ends an open transaction and, when asked (a WebSocket session
   * could have changed anything; an HTTP statement only what its command tag says), resets session state.
   */
  async reset(options: { discardAll: boolean; keepPrepared?: boolean }): Promise<void> {
    const keep = options.discardAll && options.keepPrepared;
    const statements = [
      ...(this.status === 'I' ? [] : ['ROLLBACK']),
      ...(options.discardAll && !keep ? ['DISCARD ALL'] : []),
      // DISCARD ALL but DEALLOCATE ALL and DISCARD PLANS: the statements the proxy keeps prepared stay.
      ...(keep ? [SESSION_RESET_KEEPING_STATEMENTS, ...this.prepared.takeClosing().map((n) => `DEALLOCATE ${n}`)] : []),
    ];
    if (!statements.length) return;
    await this.simpleQuery(...statements);
    if (options.discardAll) this.parameters = new Map(this.baseline);
    if (options.discardAll && !keep) this.prepared.clear();
  }

  /** Hands the connection to a client: the server's bytes go to `forward` until finish(). */
  openSession(forward: (chunk: Buffer) => void, onLost: () => void, observe?: (m: Message) => void): BackendSession {
    if (this.exchange || this.session) throw new Error('the database connection is busy');
    const state = new SessionState(forward, onLost, observe);
    this.session = state;
    return {
      write: (bytes) => {
        if (this.closed) return;
        state.sent(bytes);
        this.transport.write(bytes);
      },
      finish: async () => {
        try {
          return await state.drain(
            () => this.transport.write(frontend.sync()),
            () => this.closed,
          );
        } finally {
          this.session = undefined;
        }
      },
    };
  }
}

export interface BackendSession {
  /** Client messages, whole, for the server. */
  write(bytes: Buffer): void;
  /**
   * The client is gone: waits for the server to finish what the client asked for. Resolves false when
   * the connection cannot be brought back to a known state (COPY in progress, no answer, or lost).
   */
  finish(): Promise<boolean>;
}

/** Counts what a client's session asked for and what the server answered, so the end can be clean. */
class SessionState {
  private awaitingReady = 0;
  private unsynced = false;
  private copying = false;
  private reader = new MessageReader();
  private drained?: () => void;

  constructor(
    public forward: (chunk: Buffer) => void,
    private readonly onLost: () => void,
    private readonly watch?: (m: Message) => void,
  ) {}

  sent(bytes: Buffer): void {
    for (const { type } of this.reader.push(bytes)) {
      // Every Sync and every simple Query (and FunctionCall) is answered by exactly one ReadyForQuery.
      if (type === 'S' || type === 'Q' || type === 'F') this.awaitingReady += 1;
      if (type === 'S') this.unsynced = false;
      else if ('PBDEC'.includes(type)) this.unsynced = true;
    }
  }

  observe(message: Message): void {
    this.watch?.(message);
    if (message.type === 'Z') {
      this.awaitingReady = Math.max(0, this.awaitingReady - 1);
      this.copying = false;
      if (this.awaitingReady === 0) this.drained?.();
    } else if (message.type === 'G' || message.type === 'W') {
      this.copying = true;
    }
  }

  lost(): void {
    this.drained?.();
    this.onLost();
  }

  async drain(sync: () => void, isClosed: () => boolean): Promise<boolean> {
    this.forward = () => {};
    if (isClosed() || this.copying) return false;
    if (this.unsynced) {
      this.awaitingReady += 1;
      this.unsynced = false;
      sync();
    }
    if (this.awaitingReady > 0) {
      const drained = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS);
        this.drained = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      if (!drained) return false;
    }
    return !isClosed() && !this.copying;
  }
}
