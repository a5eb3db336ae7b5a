// Bundles an app module (and what it imports) into one script for a test page, so browser-only code
// (IndexedDB through Dexie, the Cache API) is tested in Chromium itself rather than in a fake.
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { projectRoot } from '../../scripts/paths';

/** An IIFE that puts the module's exports on `window[globalName]`. */
export async function bundleForBrowser(entry: string, globalName: string): Promise<string> {
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { $lib: join(projectRoot, 'app/src/lib') } },
    build: {
      write: false,
      minify: false,
      lib: { entry: join(projectRoot, entry), name: globalName, formats: ['iife'], fileName: 'bundle' },
    },
  })) as Rollup.RollupOutput[];
  const chunk = result[0]!.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error(`bundling ${entry} produced no script`);
  return chunk.code;
}
