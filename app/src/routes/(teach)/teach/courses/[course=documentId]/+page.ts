import { i18n } from '$lib/i18n';

export async function load({ parent }) {
  // After the layouts' loads: the root one settles the language, and SvelteKit runs loads in parallel.
  await parent();
  await i18n.use('editor');
}
