import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/**
 * The layers, lowest first. A module may import modules of its own layer or below, never above:
 * routes -> middleware -> services -> query -> content -> policy -> lib, contract -> db schema.
 * Tools (db/local, db/seed, db/migrate.ts) sit outside and may use anything.
 */
const LAYERS: [prefix: string, rank: number][] = [
  ['db/schema/', 0],
  ['db/random-token.ts', 0],
  ['db/client.ts', 0],
  ['worker/contract/', 1],
  ['worker/lib/', 1],
  ['worker/env.ts', 1],
  ['worker/policy/', 2],
  ['worker/content/', 3],
  ['worker/query/', 4],
  ['worker/services/', 5],
  ['worker/middleware/', 6],
  ['worker/routes/', 7],
  ['worker/app.ts', 8],
  ['worker/index.ts', 9],
];

const rankOf = (file: string) => LAYERS.find(([prefix]) => file.startsWith(prefix))?.[1];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): { specifier: string; typeOnly: boolean }[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]/gms)) {
    found.push({ specifier: m[3]!, typeOnly: Boolean(m[2]) });
  }
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ specifier: m[1]!, typeOnly: false });
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = relative(root, resolve(root, dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) {
    try {
      if (statSync(join(root, candidate)).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return base;
}

describe('layers', () => {
  const files = [...sourceFiles('worker'), ...sourceFiles('db')];

  it('every module imports only its own layer or the layers below it', () => {
    const upward: string[] = [];
    for (const file of files) {
      const rank = rankOf(file);
      if (rank === undefined) continue;
      for (const { specifier } of importsOf(file)) {
        const target = resolveLocal(file, specifier);
        const targetRank = target === null ? undefined : rankOf(target);
        if (targetRank !== undefined && targetRank > rank) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the database schema knows nothing of the worker', () => {
    const schemaImports = sourceFiles('db/schema').flatMap((file) =>
      importsOf(file).map(({ specifier }) => resolveLocal(file, specifier) ?? specifier),
    );
    expect(schemaImports.filter((target) => target.startsWith('worker/'))).toEqual([]);
  });

  it('the app imports from the worker only the contract, and only its types', () => {
    const appFiles = sourceFiles('app/src');
    const svelteFiles = (dir: string): string[] =>
      readdirSync(join(root, dir)).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(join(root, path)).isDirectory()) return svelteFiles(path);
        return name.endsWith('.svelte') ? [path] : [];
      });
    const offending: string[] = [];
    for (const file of [...appFiles, ...svelteFiles('app/src')]) {
      for (const { specifier, typeOnly } of importsOf(file)) {
        const reachesWorker = specifier.startsWith('$contract') || specifier.includes('/worker/');
        if (!reachesWorker) continue;
        const contract = specifier.startsWith('$contract') || specifier.includes('/worker/contract');
        if (!contract || !typeOnly) offending.push(`${file}: ${specifier}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
