// The Quran data file for the PWA (app/static/quran/quran-hafs.json), generated from the packages. Written
// only when missing or changed, so the app is not rebuilt for nothing. Prints its size raw, gzip and brotli.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildQuranDataset, datasetChecksum } from '../db/quran/dataset';
import { toPwaFile } from '../db/quran/pwa-file';
import { readQuranSources } from '../db/quran/sources';
import { projectRoot } from './paths';

export const quranDataFile = join(projectRoot, 'app', 'static', 'quran', 'quran-hafs.json');

export async function buildQuranDataFile(target = quranDataFile): Promise<{ changed: boolean; bytes: Buffer }> {
  const dataset = buildQuranDataset(readQuranSources());
  const bytes = Buffer.from(JSON.stringify(toPwaFile(dataset, await datasetChecksum(dataset))));
  const changed = !existsSync(target) || !readFileSync(target).equals(bytes);
  if (changed) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  return { changed, bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { changed, bytes } = await buildQuranDataFile();
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(
    `${relative(projectRoot, quranDataFile)} ${changed ? 'written' : 'unchanged'}: ${kib(bytes.length)} raw, ` +
      `${kib(gzip)} gzip, ${kib(brotli)} brotli`,
  );
}
