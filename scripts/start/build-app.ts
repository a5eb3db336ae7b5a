import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildQuranDataFile } from '../build-quran-data';
import { writePageHeaders } from '../page-headers';
import { projectRoot } from '../paths';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/**
 * Builds the PWA when app/build is missing or older than its sources (the Quran data file among them),
 * and makes sure the build carries its security headers (`_headers`, from its own pages).
 */
export async function buildAppIfStale(): Promise<void> {
  await buildApp();
  writePageHeaders();
}

async function buildApp(): Promise<void> {
  await buildQuranDataFile();
  const appDir = join(projectRoot, 'app');
  const output = join(appDir, 'build', 'index.html');
  const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts']
    .map((p) => join(appDir, p))
    .filter(existsSync);
  if (existsSync(output) && statSync(output).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  console.log('building the PWA…');
  // Generates app/.svelte-kit (types, tsconfig) first, so a fresh clone builds without warnings.
  spawnSync(process.execPath, [join(projectRoot, 'node_modules/@sveltejs/kit/svelte-kit.js'), 'sync'], {
    cwd: appDir,
    stdio: 'inherit',
  });
  const result = spawnSync(
    process.execPath,
    [join(projectRoot, 'node_modules/vite/bin/vite.js'), 'build', 'app', '--logLevel', 'warn'],
    {
      cwd: projectRoot,
      stdio: 'inherit',
      // A production build even when called from a test run: vitest sets NODE_ENV=test, and Vite would then
      // build with `dev` true (no service worker registration, development-only code paths).
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error('building the PWA failed');
}
