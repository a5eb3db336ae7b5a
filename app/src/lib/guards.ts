import { redirect } from '@sveltejs/kit';
import type { RoleType } from '$lib/api';
import { HOME } from '$lib/roles';
import { session } from '$lib/session.svelte';

/**
 * For a route group's +layout.ts: anonymous visitors go to sign-in (and come back afterwards), other
 * roles go to their own home. Reads the stored session, so it works offline.
 */
export function requireRole(url: URL, ...roles: RoleType[]): void {
  const user = session.user;
  if (!user) redirect(307, `/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  if (!roles.includes(user.role.type)) redirect(307, HOME[user.role.type]);
}

/** A `next` parameter only ever leads to a path on this site. */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}
