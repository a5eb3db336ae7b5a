import { i18n } from '$lib/i18n';

// SPA mode: the worker serves build/index.html for every non-API path and the client renders the route.
export const ssr = false;
export const prerender = false;

// The chosen language is loaded before the first render, so no page flashes English before Arabic.
export async function load() {
  await i18n.init();
}
