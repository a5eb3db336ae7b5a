import { redirect } from '@sveltejs/kit';
import { HOME } from '$lib/roles';
import { session } from '$lib/session.svelte';

export function load() {
  if (session.user) redirect(307, HOME[session.user.role.type]);
}
