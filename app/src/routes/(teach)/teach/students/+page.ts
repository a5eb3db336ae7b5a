import { i18n } from '$lib/i18n';

export async function load() {
  // The pairing card's words live in the family book; loaded here so the card renders at once.
  await i18n.use('family');
}
