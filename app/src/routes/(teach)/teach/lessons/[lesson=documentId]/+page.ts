import { i18n } from '$lib/i18n';

export async function load({ parent }) {
  // After the layouts' loads: the root one settles the language, and SvelteKit runs loads in parallel.
  await parent();
  // The player's words too: the preview plays an interactive lesson in the learner's own player.
  await i18n.use('editor', 'player');
}
