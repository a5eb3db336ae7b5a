import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const appDir = fileURLToPath(new URL('.', import.meta.url)).replace(/[\\/]$/, '');

// SvelteKit reads svelte.config.js, src/ and .svelte-kit/ relative to process.cwd(), captured when its
// Vite plugin module is first evaluated. `vite build app` runs from the repo root, so enter app/ first
// and only then load the plugin (a static import would be evaluated before this line runs).
// SvelteKit also re-reads this file inside worker threads, where chdir throws; their cwd already matches.
if (process.cwd() !== appDir) process.chdir(appDir);
const { sveltekit } = await import('@sveltejs/kit/vite');

// The CLI passes root as the relative 'app'; restating it as the absolute path SvelteKit enforces
// keeps SvelteKit from warning that it overrides root on every build.
const absoluteRoot: Plugin = {
  name: 'lms:absolute-root',
  config: { order: 'pre', handler: () => ({ root: appDir }) },
};

/**
 * The chunks, so that a first visit loads only what its page uses, in few files:
 * - the Svelte and SvelteKit runtime is one file ("shell"), shared by every page, instead of fragments
 *   split by which routes use which part;
 * - each message book in each language is a file of its own ("book-family-ar"), with the plural helpers
 *   every book imports kept with core English;
 * - everything else is split by Rollup along the routes' imports. Rollup's small-chunk merging is off on
 *   purpose: it merged role-only modules (the family's and the admin's API calls) into chunks every page
 *   loads, which cost the learner's first visit 6 KB.
 */
function ownChunk(id: string): string | undefined {
  if (/[\\/]node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|clsx)[\\/]/.test(id)) return 'shell';
  if (/[\\/]lib[\\/]i18n[\\/]plural\.ts$/.test(id)) return 'book-core-en';
  const [, book, locale] = /[\\/]i18n[\\/]books[\\/](\w+)[\\/](\w+)\.ts$/.exec(id) ?? [];
  if (book && locale) return `book-${book}-${locale}`;
  return undefined;
}

export default defineConfig({
  plugins: [absoluteRoot, sveltekit()],
  build: {
    rollupOptions: { output: { manualChunks: ownChunk } },
  },
});
