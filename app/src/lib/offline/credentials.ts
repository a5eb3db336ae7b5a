// The service worker cannot read localStorage, where the session lives. For Background Sync with the app
// closed, the page leaves the current access token here. The worker never refreshes it (refresh tokens are
// single-use and belong to the page): an expired token just leaves the outbox for the next app start.
import type { UserDatabase } from './database';

const KEY = 'accessToken';

export async function rememberAccessToken(db: UserDatabase, jwt: string | null): Promise<void> {
  if (jwt) await db.meta.put({ key: KEY, value: jwt });
  else await db.meta.delete(KEY);
}

/** The stored token if it is still valid for at least a minute, else null. */
export async function storedAccessToken(db: UserDatabase, now = Date.now()): Promise<string | null> {
  const jwt = (await db.meta.get(KEY))?.value;
  if (typeof jwt !== 'string') return null;
  try {
    const payload = JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' && payload.exp * 1000 > now + 60_000 ? jwt : null;
  } catch {
    return null;
  }
}
