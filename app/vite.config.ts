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

function bookChunk(id: string): string | undefined {
  // plural.ts is what every book imports: kept with core English, else it pulls a book into the first bundle.
  if (id.endsWith('/lib/i18n/plural.ts')) return 'book-core-en';
  const book = /\/lib\/i18n\/books\/([^/]+)\/([^/.]+)\.ts$/.exec(id);
  return book ? `book-${book[1]}-${book[2]}` : undefined;
}

export default defineConfig({
  plugins: [absoluteRoot, sveltekit()],
  build: {
    // Merge small shared chunks: every file is a request, and a phone on slow data pays each round trip.
    // Each message book stays a chunk of its own per language (core English excepted: it is in the first
    // bundle), so the merging above never puts a page's words, or another language's, on a first visit.
    rollupOptions: { output: { experimentalMinChunkSize: 10_000, manualChunks: bookChunk } },
  },
});
