// npm run build — the deployable worker bundle in dist/ (what `wrangler deploy` would upload), and its size.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from './paths';

const outdir = join(projectRoot, 'dist');
const result = spawnSync(
  process.execPath,
  [join(projectRoot, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--minify', '--outdir', outdir],
  {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  },
);
if (result.status !== 0) process.exit(result.status ?? 1);

for (const name of readdirSync(outdir).filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(join(outdir, name));
  console.log(
    `${name}: ${(statSync(join(outdir, name)).size / 1024).toFixed(1)} KiB, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KiB gzip`,
  );
}
