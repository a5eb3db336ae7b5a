import { revokeSession } from '$lib/api/auth';
import { offline } from '$lib/offline/runtime.svelte';
import { session } from '$lib/session.svelte';

/** Before signing out: the number of items that only this phone holds (after one more try to send them). */
export async function unsentWork(): Promise<number> {
  try {
    return await offline.unsentAfterLastTry();
  } catch {
    return 0;
  }
}

/**
 * Signs out of this phone and erases the user's offline data (a family phone is shared). The caller has
 * already asked the user when `unsentWork()` was not zero.
 */
export async function signOut(): Promise<void> {
  const current = session.current;
  if (!current) return;
  try {
    await revokeSession(current.refreshToken);
  } catch {
    // Server-side revocation is best effort; signing out of this phone must work offline too.
  }
  await offline.erase(current.user).catch(() => {
    // A database blocked by another tab is deleted when that tab closes; the session still ends here.
  });
  session.clear();
}
