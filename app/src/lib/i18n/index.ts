export { i18n } from './i18n.svelte';
export { formatDate, formatNumber, formatRelative } from './format';
export { directionOf, nativeName } from './locales';
export type { Book, Messages } from './books';
