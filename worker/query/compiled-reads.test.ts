import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { CompiledReads, compileStatement } from './compiled-reads';

describe('content reads compiled once per isolate', () => {
  it('compiles a read once and answers the same statement after', () => {
    const reads = new CompiledReads<{ text: string }>();
    let compiled = 0;
    const compile = () => ({ text: `statement ${++compiled}` });
    const key = CompiledReads.key('courses', '?sort=title', null);
    expect(reads.get(key, compile)).toEqual({ text: 'statement 1' });
    expect(reads.get(key, compile)).toEqual({ text: 'statement 1' });
    expect(compiled).toBe(1);
  });

  it('keeps apart what the SQL depends on: route, query string and viewer', () => {
    const zaid = { id: 7, documentId: 'z', role: 'student' } as const;
    const keys = [
      CompiledReads.key('courses', '?a=1', null),
      CompiledReads.key('lessons', '?a=1', null),
      CompiledReads.key('courses', '?a=2', null),
      CompiledReads.key('courses', '?a=1', zaid),
      CompiledReads.key('courses', '?a=1', { ...zaid, id: 8 }),
      CompiledReads.key('courses', '?a=1', { ...zaid, role: 'teacher' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps nothing for a query that fails to compile', () => {
    const reads = new CompiledReads<string>();
    const refuse = () => {
      throw new Error('bad filter');
    };
    expect(() => reads.get('k', refuse)).toThrow('bad filter');
    expect(reads.size).toBe(0);
    expect(reads.get('k', () => 'good')).toBe('good');
  });

  it('drops the least recently used read past its bound', () => {
    const reads = new CompiledReads<string>(2);
    reads.get('a', () => 'A');
    reads.get('b', () => 'B');
    reads.get('a', () => 'never');
    reads.get('c', () => 'C');
    expect(reads.size).toBe(2);
    expect(reads.get('a', () => 'again')).toBe('A');
    expect(reads.get('b', () => 'B again')).toBe('B again');
  });

  it('renders values as parameters, never into the text', () => {
    const title = "Al-Fatiha'; DROP TABLE courses; --";
    expect(compileStatement(sql`SELECT id FROM courses WHERE title = ${title}`)).toEqual({
      text: 'SELECT id FROM courses WHERE title = $1',
      params: [title],
    });
  });
});
