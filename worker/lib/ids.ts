const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Random string over [a-z0-9]; rejection sampling keeps every character equally likely. */
export function randomToken(length: number, alphabet = ALPHABET): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const b of bytes) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/** Strapi v5 documentIds are 24 lowercase alphanumerics; a letter first keeps them valid identifiers. */
export function newDocumentId(): string {
  return randomToken(1, ALPHABET.slice(0, 26)) + randomToken(23);
}

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
