/**
 * The statements a pooled connection keeps prepared, by SQL text, as pooling drivers do (pgx, postgres.js):
 * a warm read then skips Postgres's parse and, once its plan is cached, the planning too. The content
 * API sends a few dozen distinct texts, so the bound rarely bites; past it the least recently used
 * statement is closed. Names are unique in the process, never reused: the embedded PGlite is one session
 * that several connection objects (one per proxy in tests) take turns on, so a name can only mean one text.
 */
let counter = 0;

/** SQLSTATEs that mean a connection's prepared statements no longer match the server. */
export const STALE_STATEMENT_CODES = new Set([
  '26000', // invalid_sql_statement_name: deallocated behind the proxy's back
  '0A000', // feature_not_supported: "cached plan must not change result type" after a schema change
]);

export class PreparedStatements {
  private readonly names = new Map<string, string>();
  /** Statements dropped from the map that the server still holds: closed before the next statements. */
  private closing: string[] = [];

  constructor(readonly capacity = 256) {}

  get size(): number {
    return this.names.size;
  }

  /** The name `query` is prepared under, marking it recently used. */
  lookup(query: string): string | undefined {
    const name = this.names.get(query);
    if (name !== undefined) {
      this.names.delete(query);
      this.names.set(query, name);
    }
    return name;
  }

  /** A fresh name for a statement about to be parsed. */
  nextName(): string {
    return `lms_proxy_${++counter}`;
  }

  /** The server answered ParseComplete for `name`: it holds the statement now. */
  prepared(query: string, name: string): void {
    const previous = this.names.get(query);
    if (previous !== undefined) this.closing.push(previous);
    this.names.delete(query);
    this.names.set(query, name);
    while (this.names.size > this.capacity) {
      const [oldest, oldestName] = this.names.entries().next().value as [string, string];
      this.names.delete(oldest);
      this.closing.push(oldestName);
    }
  }

  /** Names to close on the server with the next pipeline (taken once). */
  takeClosing(): string[] {
    return this.closing.splice(0);
  }

  /** The server dropped every statement (DISCARD ALL, DEALLOCATE ALL, a client's session): forget them. */
  clear(): void {
    this.names.clear();
    this.closing = [];
  }
}
