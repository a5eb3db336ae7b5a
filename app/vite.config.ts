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
 * `book-<name>-<locale>` for every message book but the shell's English (in the first bundle); the plural
 * helpers they share are a chunk of their own, so that loading them never loads another book.
 */
function bookChunk(id: string): string | undefined {
  if (id.endsWith('/lib/i18n/plural.ts')) return 'plural';
  const book = /\/lib\/i18n\/books\/([a-z-]+)\/([a-z-]+)\.ts$/.exec(id);
  if (!book || (book[1] === 'core' && book[2] === 'en')) return undefined;
  return `book-${book[1]}-${book[2]}`;
}

export default defineConfig({
  plugins: [absoluteRoot, sveltekit()],
  build: {
    // Merge small shared chunks: every file is a request, and a phone on slow data pays each round trip.
    // A message book is its own chunk per language (CONVENTIONS.md), never merged into a chunk of the first
    // visit: otherwise the teachers' editor words would ride along on every learner's first page.
    rollupOptions: { output: { experimentalMinChunkSize: 10_000, manualChunks: bookChunk } },
  },
});
