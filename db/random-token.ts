const ALPHANUMERICS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A random string over `alphabet`; rejection sampling keeps every character equally likely. */
export function randomToken(length: number, alphabet = ALPHANUMERICS): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}
