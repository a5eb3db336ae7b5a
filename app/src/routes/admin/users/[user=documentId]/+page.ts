import { i18n } from '$lib/i18n';

// The pairing-code card's words (family book) arrive with the page, so the card is never empty a moment.
export async function load() {
  await i18n.use('family');
}
