import { requireRole } from '$lib/guards';
import { i18n } from '$lib/i18n';

export async function load({ url, parent }) {
  requireRole(url, 'teacher', 'admin');
  // The root layout settles the language first (loads run in parallel unless they wait for it).
  await parent();
  // This group's words: a book of their own, not part of the learner's first visit.
  await i18n.use('teach');
}
