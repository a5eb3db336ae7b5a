import { i18n } from '$lib/i18n';

export async function load() {
  // The players' words: a book of their own, not part of the learner home's first visit.
  await i18n.use('player');
}
