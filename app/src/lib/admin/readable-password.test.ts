import { describe, expect, it } from 'vitest';
import { readablePassword } from './readable-password';

describe('readablePassword', () => {
  it('is three groups of four letters and digits without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const password = readablePassword();
      expect(password).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    }
  });

  it('differs from one call to the next', () => {
    const seen = new Set(Array.from({ length: 100 }, () => readablePassword()));
    expect(seen.size).toBe(100);
  });
});
