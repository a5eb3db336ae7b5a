import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV cells', () => {
  it('quotes commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Fiqh, part 1')).toBe('"Fiqh, part 1"');
    expect(csvCell('the "pillars"')).toBe('"the ""pillars"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
  });

  it('keeps text that would start a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1 234')).toBe("'+1 234");
    expect(csvCell('-minus')).toBe("'-minus");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('writes numbers as numbers (a negative number is not a formula) and blanks for nothing', () => {
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('joins rows with CRLF after a byte-order mark, and keeps Arabic as it is', () => {
    expect(
      toCsv(
        ['course', 'rate'],
        [
          ['الفقه', 50],
          ['a,b', null],
        ],
      ),
    ).toBe('\uFEFFcourse,rate\r\nالفقه,50\r\n"a,b",\r\n');
  });
});
