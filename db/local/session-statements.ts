import { decodeError, frontend, type Message } from './postgres-messages';
import type { PreparedStatements } from './prepared-statements';

/** SQLSTATEs after which the connection's statements may not be what the proxy believes. */
const STALE_STATEMENT_CODES = new Set(['26000', '0A000']);

interface Parsing {
  query: string;
  name: string;
}

/**
 * A WebSocket client's statements, kept prepared on the pooled connection across its sessions, as
 * PgBouncer's `max_prepared_statements` does for Neon's pooler. The driver opens a session per request
 * and sends every statement unnamed (Parse, Bind, Execute), so Postgres would parse and plan the same
 * learning statements anew in every transaction. Here the first Parse of a text becomes a named one (the
 * connection's PreparedStatements, which the SQL-over-HTTP side shares); later Parses of it become an
 * empty Parse (ParseComplete all the same, nothing to parse) and the Bind and Describe of the unnamed
 * statement are pointed at the name. The client sees the protocol it expects; the server binds a prepared
 * statement, whose plan it may keep.
 *
 * A session that names statements itself, PREPAREs or DEALLOCATEs, or DISCARDs, is reset with DISCARD ALL
 * when it ends (and the proxy forgets its statements); any other ends with a reset that keeps them.
 */
export class SessionStatements {
  /** What the client's unnamed statement is on the server now, when it is one of ours. */
  private alias: string | undefined;
  /** Parse messages sent and not yet confirmed, in order: ours, or null for the client's own. */
  private parsing: (Parsing | null)[] = [];
  /** The session changed statements behind the proxy: end it with DISCARD ALL. */
  needsDiscardAll = false;

  constructor(private readonly prepared: PreparedStatements) {}

  /** A client message as it goes to the server. */
  fromClient(message: Message): Buffer {
    switch (message.type) {
      case 'P':
        return this.parse(message);
      case 'B':
        return this.retarget(message, 'B');
      case 'D':
        return message.body[0] === 0x53 /* S */ ? this.retarget(message, 'D') : message.raw;
      case 'Q':
        this.alias = undefined; // a simple query replaces the unnamed statement
        return message.raw;
      default:
        return message.raw;
    }
  }

  /** A server message on its way to the client. */
  fromServer(message: Message): void {
    if (message.type === '1') {
      const confirmed = this.parsing.shift();
      if (confirmed) this.prepared.prepared(confirmed.query, confirmed.name);
    } else if (message.type === 'Z') {
      // Parses the server skipped after an error were never prepared.
      if (this.parsing.some((p) => p?.name === this.alias)) this.alias = undefined;
      this.parsing = [];
    } else if (message.type === 'C') {
      const tag = message.body.toString('utf8', 0, message.body.length - 1);
      if (/^(PREPARE|DEALLOCATE|DISCARD)\b/.test(tag)) this.forgetAll();
    } else if (message.type === 'E' && STALE_STATEMENT_CODES.has(decodeError(message.body).code ?? '')) {
      this.forgetAll();
    }
  }

  private forgetAll(): void {
    this.prepared.clear();
    this.alias = undefined;
    this.needsDiscardAll = true;
  }

  private parse(message: Message): Buffer {
    const name = cstringAt(message.body, 0);
    const query = cstringAt(message.body, name.end);
    const typeCount = message.body.readInt16BE(query.end);
    if (name.text !== '' || typeCount !== 0) {
      // The client's own named statement, or one with declared types: left as it is.
      if (name.text !== '') this.needsDiscardAll = true;
      else this.alias = undefined;
      this.parsing.push(null);
      return message.raw;
    }
    const known = this.prepared.lookup(query.text);
    if (known !== undefined) {
      this.alias = known;
      this.parsing.push(null);
      return frontend.parse('');
    }
    const fresh = this.prepared.nextName();
    this.alias = fresh;
    this.parsing.push({ query: query.text, name: fresh });
    return frontend.parse(query.text, fresh);
  }

  /** Bind (portal, statement, …) or Describe ('S', statement) of the unnamed statement, pointed at its name. */
  private retarget(message: Message, type: 'B' | 'D'): Buffer {
    if (this.alias === undefined) return message.raw;
    const statementAt = type === 'B' ? cstringAt(message.body, 0).end : 1;
    const statement = cstringAt(message.body, statementAt);
    if (statement.text !== '') return message.raw;
    const body = Buffer.concat([
      message.body.subarray(0, statementAt),
      Buffer.from(this.alias + '\0', 'utf8'),
      message.body.subarray(statement.end),
    ]);
    const header = Buffer.alloc(5);
    header.write(type, 0, 'latin1');
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  }
}

function cstringAt(body: Buffer, start: number): { text: string; end: number } {
  const zero = body.indexOf(0, start);
  if (zero < 0) throw new Error('malformed Postgres message');
  return { text: body.toString('utf8', start, zero), end: zero + 1 };
}
