import { i18n } from '$lib/i18n';

export async function load() {
  // The reports' words: their own book, loaded only by these pages.
  await i18n.use('monitor');
}
