import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

// The client side of Postgres password authentication, for the proxy's own connections to a server that
// asks for a password (md5, or SCRAM-SHA-256 as a default install does for TCP connections).

const md5 = (text: string | Buffer) => createHash('md5').update(text).digest('hex');

/** The answer to AuthenticationMD5Password. */
export function md5PasswordResponse(user: string, password: string, salt: Buffer): string {
  return 'md5' + md5(Buffer.concat([Buffer.from(md5(password + user)), salt]));
}

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/** One SCRAM-SHA-256 exchange (RFC 5802, RFC 7677), without channel binding. */
export class ScramClient {
  readonly clientFirstMessage: string;
  private readonly clientFirstBare: string;
  private serverSignature?: Buffer;

  constructor(
    private readonly password: string,
    private readonly nonce = randomBytes(18).toString('base64'),
    // Postgres takes the user from the startup message and ignores this one.
    user = '*',
  ) {
    this.clientFirstBare = `n=${user},r=${nonce}`;
    this.clientFirstMessage = `n,,${this.clientFirstBare}`;
  }

  /** The client-final message answering the server-first one. */
  respond(serverFirst: string): string {
    const attributes = new Map(serverFirst.split(',').map((part) => [part[0], part.slice(2)]));
    const serverNonce = attributes.get('r') ?? '';
    const salt = Buffer.from(attributes.get('s') ?? '', 'base64');
    const iterations = Number(attributes.get('i'));
    if (!serverNonce.startsWith(this.nonce) || !salt.length || !Number.isInteger(iterations)) {
      throw new Error('SCRAM: malformed server-first message');
    }
    const saltedPassword = pbkdf2Sync(this.password.normalize('NFKC'), salt, iterations, 32, 'sha256');
    const clientKey = hmac(saltedPassword, 'Client Key');
    const storedKey = createHash('sha256').update(clientKey).digest();
    const withoutProof = `c=biws,r=${serverNonce}`;
    const authMessage = `${this.clientFirstBare},${serverFirst},${withoutProof}`;
    const signature = hmac(storedKey, authMessage);
    const proof = clientKey.map((byte, i) => byte ^ signature[i]!);
    this.serverSignature = hmac(hmac(saltedPassword, 'Server Key'), authMessage);
    return `${withoutProof},p=${Buffer.from(proof).toString('base64')}`;
  }

  /** Checks the server-final message: the server, too, knew the password. */
  verify(serverFinal: string): void {
    const received = Buffer.from(serverFinal.startsWith('v=') ? serverFinal.slice(2) : '', 'base64');
    if (!this.serverSignature || !timingSafeEqual(pad(received, 32), this.serverSignature)) {
      throw new Error('SCRAM: the server signature does not match');
    }
  }
}

function pad(bytes: Buffer, length: number): Buffer {
  return bytes.length === length ? bytes : Buffer.alloc(length);
}
