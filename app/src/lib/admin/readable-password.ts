// No 0/O, 1/I/L: a password read aloud or copied from paper by a parent or a child should survive it.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random password such as "K7QF-9XA2-MP3T" (about 74 bits), for an admin to hand to a new user. */
export function readablePassword(groups = 3, size = 4): string {
  const bytes = crypto.getRandomValues(new Uint8Array(groups * size));
  // 256 is not a multiple of 31: values past the last whole multiple would favour the first letters.
  const limit = 256 - (256 % ALPHABET.length);
  const letters: string[] = [];
  for (const byte of bytes) {
    if (byte < limit) letters.push(ALPHABET[byte % ALPHABET.length]!);
  }
  while (letters.length < groups * size) {
    const [byte] = crypto.getRandomValues(new Uint8Array(1));
    if (byte! < limit) letters.push(ALPHABET[byte! % ALPHABET.length]!);
  }
  return Array.from({ length: groups }, (_, g) => letters.slice(g * size, (g + 1) * size).join('')).join('-');
}
