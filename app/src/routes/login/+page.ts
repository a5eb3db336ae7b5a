import { redirect } from '@sveltejs/kit';

// The sign-in page's first address, kept for bookmarks and installed shortcuts.
export function load({ url }) {
  redirect(308, `/sign-in${url.search}`);
}
