import { describe, expect, it } from 'vitest';
import { backend, decodeDataRow, frontend, MessageReader } from './postgres-messages';

describe('cutting a Postgres byte stream into messages', () => {
  it('finds every message however the bytes are split', () => {
    const stream = Buffer.concat([
      backend.parameterStatus('TimeZone', 'UTC'),
      backend.readyForQuery('I'),
      backend.errorResponse({ code: '23505', message: 'duplicate key value violates unique constraint' }),
    ]);
    for (const size of [1, 2, 3, 7, stream.length]) {
      const reader = new MessageReader();
      const types: string[] = [];
      for (let at = 0; at < stream.length; at += size) {
        types.push(...reader.push(stream.subarray(at, at + size)).map((m) => m.type));
      }
      expect(types).toEqual(['S', 'Z', 'E']);
    }
  });

  it('reads a client stream whose first message (startup) has no type byte', () => {
    const reader = new MessageReader(true);
    const messages = reader.push(Buffer.concat([frontend.startup({ user: 'postgres' }), frontend.query('SELECT 1')]));
    expect(messages.map((m) => m.type)).toEqual(['', 'Q']);
  });

  it('joins a large message from many small chunks into one, intact', () => {
    const value = 'ق'.repeat(300_000);
    const bytes = Buffer.from(value);
    const row = Buffer.concat([Buffer.from([0x44, 0, 0, 0, 0, 0, 1]), Buffer.alloc(4), bytes]);
    row.writeInt32BE(row.length - 1, 1);
    row.writeInt32BE(bytes.length, 7);
    const reader = new MessageReader();
    const found = [];
    for (let at = 0; at < row.length; at += 1460) found.push(...reader.push(row.subarray(at, at + 1460)));
    expect(found).toHaveLength(1);
    expect(decodeDataRow(found[0]!.body)).toEqual([value]);
  });
});
