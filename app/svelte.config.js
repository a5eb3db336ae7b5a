import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  kit: {
    // The API's answer types, from the worker's own contract module (imported type-only).
    alias: { $contract: '../worker/contract' },
    // SPA: the worker answers unknown non-API paths with index.html, so the fallback is the whole app.
    // strict is off because nothing is prerendered; every route is client-rendered from the fallback.
    adapter: adapter({
      pages: 'build',
      assets: 'build',
      fallback: 'index.html',
      precompress: false,
      strict: false,
    }),
  },
};

export default config;
