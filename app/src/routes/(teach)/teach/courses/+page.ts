import { i18n } from '$lib/i18n';

export async function load() {
  await i18n.use('editor');
}
