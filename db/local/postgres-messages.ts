// The parts of the Postgres v3 wire protocol that the local proxy speaks: framing, the frontend messages it
// sends to a backend, the backend messages it answers a client with, and decoders for what comes back.
// https://www.postgresql.org/docs/current/protocol-message-formats.html

export const PROTOCOL_3_0 = 196608;
export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;

export interface Message {
  /** The type byte as a character ('Z', 'E', ...); '' for a client's untyped first message. */
  type: string;
  /** The payload, without type byte and length. */
  body: Buffer;
  /** The whole message as it was on the wire. */
  raw: Buffer;
}

/** Cuts a byte stream into messages; `untyped` for a client's stream, whose first message has no type byte. */
export class MessageReader {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Buffer[] = [];
  private pendingLength = 0;
  /** Bytes the buffer must hold before its next message is complete. */
  private needed = 0;

  constructor(private untyped = false) {}

  /** The next message will be untyped again (a client's startup after an SSLRequest was refused). */
  expectUntyped(): void {
    this.untyped = true;
  }

  push(chunk: Buffer): Message[] {
    // A large message comes in many chunks: they are joined once, when it is complete.
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.buffer.length + this.pendingLength < this.needed) return [];
    const parts = this.buffer.length ? [this.buffer, ...this.pending] : this.pending;
    this.buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    this.pending = [];
    this.pendingLength = 0;

    const messages: Message[] = [];
    let offset = 0;
    for (;;) {
      const header = this.untyped ? 4 : 5;
      this.needed = header;
      if (this.buffer.length - offset < header) break;
      const length = this.buffer.readInt32BE(offset + header - 4);
      if (length < 4) throw new Error('malformed Postgres message');
      const end = offset + header - 4 + length;
      this.needed = end - offset;
      if (this.buffer.length < end) break;
      const raw = this.buffer.subarray(offset, end);
      messages.push({ type: this.untyped ? '' : String.fromCharCode(raw[0]!), body: raw.subarray(header), raw });
      this.untyped = false;
      offset = end;
    }
    this.buffer = offset === this.buffer.length ? Buffer.alloc(0) : this.buffer.subarray(offset);
    return messages;
  }
}

/** A typed message: type byte, length, body. */
export function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const cstring = (text: string) => Buffer.from(text + '\0', 'utf8');
const int16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

/** Messages a client (we, towards a backend) sends. */
export const frontend = {
  startup(parameters: Record<string, string>): Buffer {
    const pairs = Object.entries(parameters).flatMap(([k, v]) => [cstring(k), cstring(v)]);
    const body = Buffer.concat([int32(PROTOCOL_3_0), ...pairs, Buffer.from([0])]);
    return Buffer.concat([int32(body.length + 4), body]);
  },
  password: (text: string) => message('p', cstring(text)),
  saslInitialResponse: (mechanism: string, data: Buffer) => message('p', cstring(mechanism), int32(data.length), data),
  saslResponse: (data: Buffer) => message('p', data),
  query: (text: string) => message('Q', cstring(text)),
  /** A statement ('' is the unnamed one), every parameter's type left for the server to infer. */
  parse: (text: string, name = '') => message('P', cstring(name), cstring(text), int16(0)),
  /** Unnamed portal of a statement ('' is the unnamed one); parameters and results in text format. */
  bind(params: (string | null)[], statement = ''): Buffer {
    const values = params.flatMap((p) => {
      if (p === null) return [int32(-1)];
      const bytes = Buffer.from(p, 'utf8');
      return [int32(bytes.length), bytes];
    });
    return message('B', cstring(''), cstring(statement), int16(0), int16(params.length), ...values, int16(0));
  },
  closeStatement: (name: string) => message('C', Buffer.from('S', 'latin1'), cstring(name)),
  describePortal: () => message('D', Buffer.from('P\0', 'latin1')),
  execute: () => message('E', cstring(''), int32(0)),
  sync: () => message('S'),
  terminate: () => message('X'),
  cancelRequest: (processId: number, secretKey: number) =>
    Buffer.concat([int32(16), int32(CANCEL_REQUEST), int32(processId), int32(secretKey)]),
};

/** Messages a server (we, towards a client) sends. */
export const backend = {
  authenticationOk: () => message('R', int32(0)),
  authenticationCleartextPassword: () => message('R', int32(3)),
  parameterStatus: (name: string, value: string) => message('S', cstring(name), cstring(value)),
  backendKeyData: (processId: number, secretKey: number) => message('K', int32(processId), int32(secretKey)),
  readyForQuery: (status: string) => message('Z', Buffer.from(status, 'latin1')),
  errorResponse(fields: PostgresErrorFields): Buffer {
    const parts = Object.entries(ERROR_FIELD_CODES).flatMap(([key, code]) => {
      const value = fields[key as keyof PostgresErrorFields];
      return value === undefined ? [] : [Buffer.from(code, 'latin1'), cstring(value)];
    });
    return message('E', ...parts, Buffer.from([0]));
  },
};

/** The fields of an ErrorResponse, named as the Neon driver (and node-postgres) name them. */
export interface PostgresErrorFields {
  severity?: string;
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
  position?: string;
  internalPosition?: string;
  internalQuery?: string;
  where?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  file?: string;
  line?: string;
  routine?: string;
}

const ERROR_FIELD_CODES: Record<keyof PostgresErrorFields, string> = {
  severity: 'S',
  code: 'C',
  message: 'M',
  detail: 'D',
  hint: 'H',
  position: 'P',
  internalPosition: 'p',
  internalQuery: 'q',
  where: 'W',
  schema: 's',
  table: 't',
  column: 'c',
  dataType: 'd',
  constraint: 'n',
  file: 'F',
  line: 'L',
  routine: 'R',
};
const ERROR_FIELD_NAMES = new Map(Object.entries(ERROR_FIELD_CODES).map(([name, code]) => [code, name]));

/** A Postgres error (from a backend, or one the proxy raises itself in the same shape). */
export class PostgresError extends Error {
  constructor(readonly fields: PostgresErrorFields) {
    super(fields.message ?? 'unknown Postgres error');
  }

  static of(code: string, message: string, severity = 'ERROR'): PostgresError {
    return new PostgresError({ severity, code, message });
  }
}

/** Cursor over a message body. */
export class BodyReader {
  offset = 0;
  constructor(private readonly body: Buffer) {}
  int16() {
    this.offset += 2;
    return this.body.readInt16BE(this.offset - 2);
  }
  int32() {
    this.offset += 4;
    return this.body.readInt32BE(this.offset - 4);
  }
  cstring() {
    const end = this.body.indexOf(0, this.offset);
    const text = this.body.toString('utf8', this.offset, end);
    this.offset = end + 1;
    return text;
  }
  bytes(length: number) {
    this.offset += length;
    return this.body.subarray(this.offset - length, this.offset);
  }
  get done() {
    return this.offset >= this.body.length;
  }
}

export function decodeError(body: Buffer): PostgresErrorFields {
  const fields: Record<string, string> = {};
  for (let i = 0; i < body.length && body[i] !== 0;) {
    const code = String.fromCharCode(body[i]!);
    const end = body.indexOf(0, i + 1);
    const name = ERROR_FIELD_NAMES.get(code);
    // 'V' is the non-localized severity: prefer it where a server sends both.
    if (code === 'V') fields.severity = body.toString('utf8', i + 1, end);
    else if (name && !(name === 'severity' && fields.severity)) fields[name] = body.toString('utf8', i + 1, end);
    i = end + 1;
  }
  return fields;
}

export interface FieldDescription {
  name: string;
  tableID: number;
  columnID: number;
  dataTypeID: number;
  dataTypeSize: number;
  dataTypeModifier: number;
  format: 'text' | 'binary';
}

export function decodeRowDescription(body: Buffer): FieldDescription[] {
  const reader = new BodyReader(body);
  const count = reader.int16();
  return Array.from({ length: count }, () => ({
    name: reader.cstring(),
    tableID: reader.int32(),
    columnID: reader.int16(),
    dataTypeID: reader.int32(),
    dataTypeSize: reader.int16(),
    dataTypeModifier: reader.int32(),
    format: reader.int16() === 0 ? ('text' as const) : ('binary' as const),
  }));
}

export function decodeDataRow(body: Buffer): (string | null)[] {
  const reader = new BodyReader(body);
  const count = reader.int16();
  return Array.from({ length: count }, () => {
    const length = reader.int32();
    return length < 0 ? null : reader.bytes(length).toString('utf8');
  });
}

/** A startup packet's parameters (user, database, application_name, options...). */
export function decodeStartup(body: Buffer): { protocol: number; parameters: Record<string, string> } {
  const reader = new BodyReader(body);
  const protocol = reader.int32();
  const parameters: Record<string, string> = {};
  while (!reader.done) {
    const key = reader.cstring();
    if (!key) break;
    parameters[key] = reader.cstring();
  }
  return { protocol, parameters };
}

export function decodeCString(body: Buffer): string {
  return new BodyReader(body).cstring();
}

export function decodeParameterStatus(body: Buffer): [string, string] {
  const reader = new BodyReader(body);
  return [reader.cstring(), reader.cstring()];
}

export function decodeBackendKeyData(body: Buffer): { processId: number; secretKey: number } {
  return { processId: body.readInt32BE(0), secretKey: body.readInt32BE(4) };
}
