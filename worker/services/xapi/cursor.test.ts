import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

const cursor = { stored: '2026-03-01T10:20:30.456789Z', id: '0f8fad5b-d9cb-469f-a165-70867728950e' };

describe('statement cursors', () => {
  it('round-trip through an opaque base64url string', () => {
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it('refuse text that is not base64url, not JSON, or not a stored time and a UUID', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeCursor('')).toBeNull();
    expect(decodeCursor('not base64!')).toBeNull();
    expect(decodeCursor(Buffer.from('{oops').toString('base64url'))).toBeNull();
    expect(decodeCursor(encode({ stored: cursor.stored, id: cursor.id }))).toBeNull();
    expect(decodeCursor(encode(['2026-03-01', cursor.id]))).toBeNull();
    expect(decodeCursor(encode([cursor.stored, "1'; drop table users; --"]))).toBeNull();
    expect(decodeCursor('A'.repeat(500))).toBeNull();
  });
});
