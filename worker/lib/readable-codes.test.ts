import { describe, expect, it } from 'vitest';
import { normalizeReadableCode, READABLE_ALPHABET, readableCode } from './readable-codes';

describe('readable codes', () => {
  it('come in dash-separated groups of unambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const code = readableCode(2, 4);
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(code).not.toMatch(/[01OIL]/);
      for (const ch of code.replace('-', '')) expect(READABLE_ALPHABET).toContain(ch);
    }
  });

  it('read the same whatever the case, spaces or dashes', () => {
    expect(normalizeReadableCode(' k7qf 9xa2 ')).toBe('K7QF9XA2');
    expect(normalizeReadableCode('K7QF-9XA2')).toBe('K7QF9XA2');
  });
});
