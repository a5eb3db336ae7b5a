import { BodyReader, decodeError, frontend, message as encode, type Message } from './postgres-messages';
import { STALE_STATEMENT_CODES, type PreparedStatements } from './prepared-statements';

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
    const body = new BodyReader(message.body);
    const name = body.cstring();
    const query = body.cstring();
    const typeCount = body.int16();
    if (name !== '' || typeCount !== 0) {
      // The client's own named statement, or one with declared types: left as it is.
      if (name !== '') this.needsDiscardAll = true;
      else this.alias = undefined;
      this.parsing.push(null);
      return message.raw;
    }
    const known = this.prepared.lookup(query);
    if (known !== undefined) {
      this.alias = known;
      this.parsing.push(null);
      return frontend.parse('');
    }
    const fresh = this.prepared.nextName();
    this.alias = fresh;
    this.parsing.push({ query, name: fresh });
    return frontend.parse(query, fresh);
  }

  /** Bind (portal, statement, …) or Describe ('S', statement) of the unnamed statement, pointed at its name. */
  private retarget(message: Message, type: 'B' | 'D'): Buffer {
    if (this.alias === undefined) return message.raw;
    const body = new BodyReader(message.body);
    if (type === 'B') body.cstring();
    else body.bytes(1);
    const start = body.offset;
    if (body.cstring() !== '') return message.raw;
    return encode(
      type,
      message.body.subarray(0, start),
      Buffer.from(this.alias + '\0', 'utf8'),
      message.body.subarray(body.offset),
    );
  }
}
