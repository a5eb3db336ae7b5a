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
 * Files that only some pages use stay out of the learner's first visit: without this, the small-chunk
 * merging below folds small shared modules (a message book, the family pages' API calls) into the shell.
 * Each message book in each language is a file of its own ("book-family-ar"), with the plural helpers
 * every book imports kept with core English; a role's components and calls are one file per area.
 */
function ownChunk(id: string): string | undefined {
  if (/[\\/]lib[\\/]i18n[\\/]plural\.ts$/.test(id)) return 'book-core-en';
  const [, book, locale] = /[\\/]i18n[\\/]books[\\/](\w+)[\\/](\w+)\.ts$/.exec(id) ?? [];
  if (book && locale) return `book-${book}-${locale}`;
  const area = /[\\/]src[\\/]lib[\\/](?:components[\\/]|api[\\/])?(family|teach|admin)(?:[\\/]|\.ts$)/.exec(id)?.[1];
  return area && `area-${area}`;
}

export default defineConfig({
  plugins: [absoluteRoot, sveltekit()],
  build: {
    // Merge small shared chunks: every file is a request, and a phone on slow data pays each round trip.
    rollupOptions: { output: { experimentalMinChunkSize: 10_000, manualChunks: ownChunk } },
  },
});
