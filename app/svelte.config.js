import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // SPA: the worker answers unknown non-API paths with index.html, so the fallback is the whole app.
    // strict is off because nothing is prerendered; every route is client-rendered from the fallback.
    adapter: adapter({
      pages: 'build',
      assets: 'build',
      fallback: 'index.html',
      precompress: false,
      strict: false,
    }),
    alias: {
      // The API's answer types, derived by the worker from its own schemas (type-only imports).
      $contract: '../worker/contract',
    },
    // Registered by workbox-window (src/lib/pwa/pwa.svelte.ts) so updates wait for the user.
    serviceWorker: { register: false },
  },
};

export default config;
