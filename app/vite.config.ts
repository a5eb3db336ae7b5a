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
 * The i18n runtime and the core English words form one chunk, part of the shell. Every other book gets a
 * chunk per language (`book-monitor-ar` for src/lib/i18n/books/monitor/ar.ts), loaded by the pages that
 * use it: left to the merging of small chunks, a big book would be merged with the shell's i18n code and
 * ride along with every first visit.
 */
function bookChunk(id: string): string | undefined {
  if (/\/lib\/i18n\/(plural|books|i18n\.svelte|locales|format|index)\.ts$/.test(id)) return 'i18n';
  if (id.endsWith('/lib/i18n/books/core/en.ts')) return 'i18n';
  const book = /\/lib\/i18n\/books\/(\w+)\/(\w+)\.ts$/.exec(id);
  return book && book[1] !== 'core' ? `book-${book[1]}-${book[2]}` : undefined;
}

export default defineConfig({
  plugins: [absoluteRoot, sveltekit()],
  build: {
    // Merge small shared chunks: every file is a request, and a phone on slow data pays each round trip.
    rollupOptions: {
      output: {
        experimentalMinChunkSize: 10_000,
        manualChunks: bookChunk,
      },
    },
  },
});
