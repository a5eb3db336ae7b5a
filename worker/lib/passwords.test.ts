import { describe, expect, it } from 'vitest';
import { constantTimeEqual, hashPassword, needsRehash, PASSWORD_ITERATIONS, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('stores the scheme, the iteration count and a per-user salt with the hash', async () => {
    const stored = await hashPassword('bismillah-123');
    const [scheme, iterations, salt, hash] = stored.split('$');
    expect(scheme).toBe('pbkdf2-sha256');
    expect(Number(iterations)).toBe(PASSWORD_ITERATIONS);
    expect(salt).toMatch(/^[\w-]{22}$/);
    expect(hash).toMatch(/^[\w-]{43}$/);
  });

  it('uses the highest iteration count workerd accepts', () => {
    expect(PASSWORD_ITERATIONS).toBe(100_000);
  });

  it('gives two users with the same password different hashes', async () => {
    expect(await hashPassword('same-password')).not.toBe(await hashPassword('same-password'));
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct hors', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('treats visually identical Unicode forms of a password as the same password', async () => {
    const stored = await hashPassword('Ｓalaam');
    expect(await verifyPassword('Salaam', stored)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    for (const bad of ['', 'plain', 'bcrypt$10$x$y', 'pbkdf2-sha256$abc$x$y', 'pbkdf2-sha256$0$x$y']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('asks for a rehash when the stored parameters are weaker than today’s', async () => {
    expect(needsRehash(await hashPassword('p', 1000))).toBe(true);
    expect(needsRehash(await hashPassword('p'))).toBe(false);
  });

  it('a hash made with fewer iterations still verifies, so raising the count locks nobody out', async () => {
    const old = await hashPassword('legacy-pass', 10_000);
    expect(await verifyPassword('legacy-pass', old)).toBe(true);
  });

  it('compares digests of different lengths as unequal', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
  });
});
