import { describe, expect, it } from 'vitest';
import { buildQuranDataset } from './dataset';
import { fromPwaFile, toPwaFile } from './pwa-file';
import { readQuranSources } from './sources';

const dataset = buildQuranDataset(readQuranSources());

describe('the PWA Quran file', () => {
  it('gives back every surah and ayah exactly, text included', () => {
    const file = JSON.parse(JSON.stringify(toPwaFile(dataset, 'c'.repeat(64))));
    const back = fromPwaFile(file);
    expect(back.surahs).toEqual(dataset.surahs);
    expect(back.ayahs).toEqual(dataset.ayahs);
  });

  it('keeps one ayah per line, so the numbering cannot shift', () => {
    const file = toPwaFile(dataset, 'c'.repeat(64));
    expect(file.text.split('\n')).toHaveLength(6236);
    expect(file.juzStarts).toHaveLength(30);
    expect(file.quarterStarts).toHaveLength(240);
    expect(file.pageStarts).toHaveLength(604);
  });
});
