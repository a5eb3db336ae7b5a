import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { AYAH_COUNT, buildQuranDataset, datasetChecksum } from './dataset';
import { PAGE_SPAN } from './line-layout';
import { readQuranSources, type QuranJsonSurah } from './sources';
import { splitWords } from './words';

const sources = readQuranSources();
const dataset = buildQuranDataset(sources);
const at = (surah: number, ayah: number) => dataset.ayahs.find((a) => a.surah === surah && a.ayah === ayah)!;
const ayahsOfPage = (page: number) => dataset.ayahs.filter((a) => a.page === page);
// Quranic text in code points: an editor or a font must not be trusted to keep the marks' order.
const BASMALA =
  '\u0628\u0650\u0633\u06E1\u0645\u0650 \u0671\u0644\u0644\u0651\u064E\u0647\u0650 ' +
  '\u0671\u0644\u0631\u0651\u064E\u062D\u06E1\u0645\u064E\u0670\u0646\u0650 \u0671\u0644\u0631\u0651\u064E\u062D\u0650\u064A\u0645\u0650';

describe('the Quran dataset', () => {
  it('holds 6,236 ayahs in 114 surahs, numbered 1..6236 in mushaf order', () => {
    expect(dataset.surahs).toHaveLength(114);
    expect(dataset.ayahs).toHaveLength(AYAH_COUNT);
    expect(dataset.ayahs.every((a, i) => a.id === i + 1)).toBe(true);
    expect(at(114, 6).id).toBe(6236);
    expect(dataset.surahs.reduce((n, s) => n + s.ayahCount, 0)).toBe(AYAH_COUNT);
  });

  it('keeps the text exactly as quran-json gives it', () => {
    const raw = createRequire(import.meta.url)('quran-json/dist/quran.json') as QuranJsonSurah[];
    const original = raw.flatMap((s) => s.verses.map((v) => v.text));
    expect(dataset.ayahs.map((a) => a.text)).toEqual(original);
  });

  it('Al-Fatihah: its basmala is ayah 1, so no basmala header', () => {
    expect(at(1, 1).text).toBe(BASMALA);
    expect(dataset.surahs[0]).toMatchObject({ nameTransliterated: 'Al-Fatihah', ayahCount: 7, basmalaHeader: false });
  });

  it('other surahs do not carry the basmala in ayah 1; the header shows it, except At-Tawbah', () => {
    expect(at(2, 1).text).toBe('\u0627\u0644\u0653\u0645\u0653');
    expect(dataset.surahs[1]!.basmalaHeader).toBe(true);
    expect(splitWords(at(9, 1).text)[0]).toBe('\u0628\u064E\u0631\u064E\u0627\u0653\u0621\u064E\u0629\u065E');
    expect(dataset.surahs[8]).toMatchObject({ nameTransliterated: 'At-Tawbah', basmalaHeader: false });
    expect(dataset.surahs.filter((s) => !s.basmalaHeader).map((s) => s.number)).toEqual([1, 9]);
    // An-Naml 30 is the one basmala inside an ayah.
    expect(at(27, 30).text).toContain(BASMALA);
  });

  it('juz edges fall where the mushaf has them', () => {
    expect([at(2, 141).juz, at(2, 142).juz]).toEqual([1, 2]);
    expect([at(2, 252).juz, at(2, 253).juz]).toEqual([2, 3]);
    expect([at(77, 50).juz, at(78, 1).juz]).toEqual([29, 30]);
    expect(new Set(dataset.ayahs.map((a) => a.juz)).size).toBe(30);
  });

  it('page edges: Al-Fatihah alone on page 1, 2:1-5 on page 2, the last three surahs on page 604', () => {
    expect(ayahsOfPage(1).map((a) => `${a.surah}:${a.ayah}`)).toEqual([
      '1:1',
      '1:2',
      '1:3',
      '1:4',
      '1:5',
      '1:6',
      '1:7',
    ]);
    expect(ayahsOfPage(2).map((a) => `${a.surah}:${a.ayah}`)).toEqual(['2:1', '2:2', '2:3', '2:4', '2:5']);
    expect(at(2, 6).page).toBe(3);
    const last = ayahsOfPage(604);
    expect([last[0]!.surah, last[0]!.ayah, last.at(-1)!.id]).toEqual([112, 1, 6236]);
    expect(new Set(dataset.ayahs.map((a) => a.page)).size).toBe(604);
  });

  it('follows the printed ۞ where quran-meta puts the 106th rub one ayah late (15:50 instead of 15:49)', () => {
    expect(dataset.quarterCorrections).toEqual([
      { quarter: 106, structureSays: at(15, 50).id, mushafSays: at(15, 49).id },
    ]);
    expect(at(15, 49)).toMatchObject({ quarter: 106, hizb: 27, juz: 14 });
    expect(at(15, 49).text.startsWith('۞')).toBe(true);
    expect(at(15, 48).quarter).toBe(105);
  });

  it('hizb and rub follow from the quarters: 4 a hizb, 8 a juz', () => {
    expect([at(2, 25).quarter, at(2, 26).quarter, at(2, 74).hizb, at(2, 75).hizb]).toEqual([1, 2, 1, 2]);
    expect(at(114, 6)).toMatchObject({ quarter: 240, hizb: 60, juz: 30 });
    for (const a of dataset.ayahs) expect(Math.ceil(a.quarter / 8)).toBe(a.juz);
  });

  it('marks the 15 ayahs of prostration', () => {
    const sajdas = dataset.ayahs.filter((a) => a.sajda).map((a) => `${a.surah}:${a.ayah}`);
    expect(sajdas).toHaveLength(15);
    expect([sajdas[0], sajdas.at(-1)]).toEqual(['7:206', '96:19']);
  });

  it('counts words by spaces, with waqf marks on their word and 2:72 joined by a thin space', () => {
    expect(dataset.ayahs.reduce((n, a) => n + a.wordCount, 0)).toBe(77_428);
    // 2:2 has two mu'anaqah marks (U+06DB), each written on its word.
    const words = splitWords(at(2, 2).text);
    expect(words).toHaveLength(7);
    expect(words.map((w) => w.endsWith('\u06DB'))).toEqual([false, false, false, true, true, false, false]);
    expect(at(2, 72).text).toContain('\u2009');
    expect(splitWords(at(2, 72).text)[3]).toBe(
      '\u0641\u064E\u0671\u062F\u0651\u064E\u0640\u0670\u0631\u064E\u2009\u0670\u0654\u062A\u064F\u0645\u06E1',
    );
    expect(splitWords(at(7, 206).text).at(-1)!.endsWith('۩')).toBe(true);
  });

  it('places every ayah on its page, in order, under its surah header', () => {
    for (const [i, a] of dataset.ayahs.entries()) {
      expect(a.lineStart).toBeGreaterThanOrEqual((a.page - 1) * PAGE_SPAN);
      expect(a.lineEnd).toBeLessThanOrEqual(a.page * PAGE_SPAN);
      expect(a.lineStart).toBeLessThan(a.lineEnd);
      if (i > 0) expect(a.lineStart).toBeGreaterThanOrEqual(dataset.ayahs[i - 1]!.lineEnd);
    }
    // Page 2 is a decorated page of 8 lines: the header and basmala take two of them.
    expect([at(2, 1).lineStart, at(2, 5).lineEnd]).toEqual([PAGE_SPAN + 200, PAGE_SPAN + 800]);
    // An ordinary page fills its 15 lines; page 604 holds three headers.
    expect(at(2, 16).lineEnd).toBe(3 * PAGE_SPAN);
    expect([at(112, 1).lineStart, at(114, 6).lineEnd]).toEqual([603 * PAGE_SPAN + 200, 604 * PAGE_SPAN]);
  });

  it('has a stable checksum, changed by any change to the data', async () => {
    const checksum = await datasetChecksum(dataset);
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await datasetChecksum(buildQuranDataset(sources))).toBe(checksum);
    const edited = { ...dataset, ayahs: dataset.ayahs.map((a) => (a.id === 1 ? { ...a, text: a.text + ' ' } : a)) };
    expect(await datasetChecksum(edited)).not.toBe(checksum);
  });

  it('refuses structure that contradicts the text', () => {
    const pages = [...sources.pageStarts];
    pages[3] = pages[3]! + 1;
    const juz = [...sources.juzStarts];
    juz[2] = juz[2]! + 5;
    expect(() => buildQuranDataset({ ...sources, juzStarts: juz })).toThrow(/juz and its rub/);
    const quarters = [...sources.quarterStarts];
    quarters[50] = quarters[50]! + 7;
    expect(() => buildQuranDataset({ ...sources, quarterStarts: quarters })).toThrow(/no ۞/);
  });
});
