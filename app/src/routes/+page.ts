import { redirect } from '@sveltejs/kit';
import { HOME } from '$lib/roles';
import { session } from '$lib/session.svelte';

// `/` is a crossroads: each role to its home, visitors to sign-in.
export function load() {
  const user = session.user;
  redirect(307, user ? HOME[user.role.type] : '/sign-in');
}
