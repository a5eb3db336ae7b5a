import { describe, expect, it } from 'vitest';
import { contentRange, etagMatches, parseRange } from './http-ranges';

describe('byte ranges', () => {
  it('reads first-last, open-ended and suffix ranges', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ kind: 'part', offset: 0, length: 10 });
    expect(parseRange('bytes=90-', 100)).toEqual({ kind: 'part', offset: 90, length: 10 });
    expect(parseRange('bytes=-5', 100)).toEqual({ kind: 'part', offset: 95, length: 5 });
  });

  it('clamps a range that runs past the end, and a suffix longer than the object', () => {
    expect(parseRange('bytes=50-1000', 100)).toEqual({ kind: 'part', offset: 50, length: 50 });
    expect(parseRange('bytes=-500', 100)).toEqual({ kind: 'part', offset: 0, length: 100 });
  });

  it('is unsatisfiable when it starts past the end, or asks for no bytes', () => {
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=100000000-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what it cannot serve as one range: no header, other units, malformed, several ranges', () => {
    for (const header of [undefined, '', 'items=0-1', 'bytes=abc', 'bytes=9-2', 'bytes=-', 'bytes=0-1,5-6']) {
      expect(parseRange(header, 100)).toEqual({ kind: 'whole' });
    }
  });

  it('formats Content-Range', () => {
    expect(contentRange({ offset: 0, length: 10 }, 256)).toBe('bytes 0-9/256');
  });
});

describe('If-None-Match', () => {
  it('matches the ETag itself, its weak form, one of a list, and *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
  });

  it('does not match another ETag or no header', () => {
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});
