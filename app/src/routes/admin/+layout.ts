import { requireRole } from '$lib/guards';
import { i18n } from '$lib/i18n';

export async function load({ url }) {
  requireRole(url, 'admin');
  // This group's words: a book of their own, not part of the learner's first visit.
  await i18n.use('admin');
}
