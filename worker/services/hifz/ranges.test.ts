import { describe, expect, it } from 'vitest';
import { testQuranIndex } from '../../../tests/support/quran-index';
import { ApiError } from '../../lib/errors';
import { formatRange, parseAyahRange, validateRange } from './ranges';

const index = testQuranIndex();
const parse = (input: string) => formatRange(index, parseAyahRange(index, input));
const refusal = (input: string) => {
  try {
    parseAyahRange(index, input, ['range']);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.name]).toEqual([400, 'ValidationError']);
    expect((e.details.errors as { path: string[] }[])[0]!.path[0]).toBe('range');
    return e.message;
  }
  throw new Error(`${input} was accepted`);
};

describe('ranges of ayahs', () => {
  it('reads single ayahs, ranges within a surah and across surahs', () => {
    expect(parse('2:255')).toBe('2:255');
    expect(parse('2:255-257')).toBe('2:255-257');
    expect(parse(' 78:1 – 80:42 ')).toBe('78:1-80:42');
    expect(parseAyahRange(index, '1:1-114:6')).toEqual({ from: 1, to: 6236 });
  });

  it('reads whole surahs by number or by name, in Latin or Arabic, with Arabic-Indic digits', () => {
    expect(parse('2')).toBe('2');
    expect(parse('78-80')).toBe('78:1-80:42');
    expect(parse('Al-Baqarah 255')).toBe('2:255');
    expect(parse('al baqara 1-5')).toBe('2:1-5');
    expect(parse('An-Naba')).toBe('78');
    expect(parse('surah Yaseen')).toBe('36');
    expect(parse('Ali Imran 1-3')).toBe('3:1-3');
    expect(parse('an nas')).toBe('114');
    expect(parse('البقرة ٢٥٥')).toBe('2:255');
    expect(parse('سورة الإخلاص')).toBe('112');
  });

  it('Al-Fatihah is 7 ayahs with the basmala as 1:1; At-Tawbah starts at 9:1 with no basmala ayah', () => {
    expect(parseAyahRange(index, 'Al-Fatihah')).toEqual({ from: 1, to: 7 });
    expect(refusal('1:8')).toBe('1:8 does not exist: Al-Fatihah (surah 1) has 7 ayahs');
    expect(parseAyahRange(index, '9:1').from).toBe(index.surahRange(9).from);
    expect(index.surah(9)!.ayahCount).toBe(129);
  });

  it('reads a juz, a hizb, a rub and a page, with their edges', () => {
    expect(parse('juz 1')).toBe('1:1-2:141');
    expect(parse('juz 2')).toBe('2:142-252');
    expect(parse('juz 30')).toBe('78:1-114:6');
    expect(parse('hizb 60')).toBe('87:1-114:6');
    expect(parse('quarter 106')).toBe('15:49-99');
    expect(parse('quarter 107')).toBe('16:1-29');
    expect(parse('page 1')).toBe('1');
    expect(parse('page 2')).toBe('2:1-5');
    expect(parse('page 604')).toBe('112:1-114:6');
  });

  it('refuses what does not exist, saying why', () => {
    expect(refusal('115')).toBe('Surah 115 does not exist: the Quran has 114 surahs');
    expect(refusal('114:7')).toBe('114:7 does not exist: An-Nas (surah 114) has 6 ayahs');
    expect(refusal('2:0')).toMatch(/2:0 does not exist/);
    expect(refusal('3:5-2:10')).toBe('The range 3:5-2:10 runs backwards: write it in mushaf order');
    expect(refusal('juz 31')).toBe('There is no juz 31: the mushaf has 30 (1-30)');
    expect(refusal('page 605')).toBe('There is no page 605: the mushaf has 604 (1-604)');
    expect(refusal('Foo 3')).toMatch(/is not a range of ayahs/);
    expect(refusal('')).toMatch(/required/);
  });

  it('validates ranges given as two ends and names the end at fault', () => {
    expect(validateRange(index, { surah: 78, ayah: 1 }, { surah: 80, ayah: 42 })).toEqual({
      from: index.ayahId(78, 1),
      to: index.ayahId(80, 42),
    });
    try {
      validateRange(index, { surah: 78, ayah: 1 }, { surah: 80, ayah: 43 }, ['data']);
      expect.unreachable();
    } catch (error) {
      expect((error as ApiError).details).toMatchObject({ errors: [{ path: ['data', 'to'] }] });
    }
  });
});
