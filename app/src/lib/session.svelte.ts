// The signed-in user on this device, kept in localStorage so the shell knows who it is before any
// request (and offline). The refresh token is single-use: every refresh is serialised across tabs.
import { untrack } from 'svelte';
import { browser } from '$app/environment';
import { ApiClient, ApiError, type User } from '$lib/api';
import { fetchMe, refreshTokens } from '$lib/api/auth';

const STORAGE_KEY = 'lms.session';
const REFRESH_LOCK = 'lms.session.refresh';

export interface Session {
  jwt: string;
  refreshToken: string;
  user: User;
}

function isSession(value: unknown): value is Session {
  const s = value as Partial<Session> | null;
  return (
    typeof s?.jwt === 'string' &&
    typeof s.refreshToken === 'string' &&
    typeof s.user?.username === 'string' &&
    typeof s.user.documentId === 'string' &&
    typeof s.user.role?.type === 'string'
  );
}

function read(): Session | null {
  if (!browser) return null;
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    return isSession(value) ? value : null;
  } catch {
    // Corrupt or foreign data under our key: treat as signed out rather than crash the shell.
    return null;
  }
}

function write(session: Session | null): void {
  try {
    if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be unavailable (private mode, quota); the session then lasts for this tab only.
  }
}

/** Runs `task` while holding a lock shared by every tab (Web Locks); alone where the API is missing. */
async function exclusive<T>(name: string, task: () => Promise<T>): Promise<T> {
  return browser && navigator.locks ? await navigator.locks.request(name, task) : task();
}

class SessionStore {
  // Replaced wholesale, never mutated, so a raw (non-proxied) state is enough.
  #current = $state.raw<Session | null>(read());
  #refreshing: Promise<string | null> | null = null;

  constructor() {
    // Keep tabs in agreement: signing out in one tab signs out the others; a refresh in one is seen by all.
    if (browser) {
      window.addEventListener('storage', (event) => {
        if (event.key === STORAGE_KEY || event.key === null) this.#current = read();
      });
    }
  }

  get current(): Session | null {
    return this.#current;
  }

  get user(): User | null {
    return this.#current?.user ?? null;
  }

  set(session: Session): void {
    this.#current = session;
    write(session);
  }

  clear(): void {
    this.#current = null;
    write(null);
  }

  /**
   * The bearer token for the next request. Read untracked: a request made inside an effect (a page's loader)
   * must not make that effect run again, and read again, whenever the session is replaced.
   */
  accessToken(): string | null {
    return untrack(() => this.#current?.jwt ?? null);
  }

  /**
   * After `rejected` got a 401. Another tab may already have rotated the tokens (then we
   * adopt its result); otherwise we refresh once. Only a server verdict ends the session: a network
   * failure throws and leaves the session for a later try.
   */
  refresh(rejected: string): Promise<string | null> {
    this.#refreshing ??= exclusive(REFRESH_LOCK, () => this.#refresh(rejected)).finally(
      () => (this.#refreshing = null),
    );
    return this.#refreshing;
  }

  async #refresh(rejected: string): Promise<string | null> {
    const latest = read() ?? this.#current;
    if (!latest) return null;
    if (latest.jwt !== rejected) {
      if (this.#current?.jwt !== latest.jwt) this.#current = latest;
      return latest.jwt;
    }
    try {
      const tokens = await refreshTokens(latest.refreshToken);
      // Persist the rotated tokens before anything else can fail: the old refresh token is spent.
      const next = { ...latest, ...tokens };
      if (this.#current?.user.documentId === latest.user.documentId) this.set(next);
      return next.jwt;
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) {
        if (this.#current?.refreshToken === latest.refreshToken) this.clear();
        return null;
      }
      throw error;
    }
  }

  /** Confirms the stored user with the server (role or name may have changed); offline keeps it as is. */
  async validate(): Promise<Session | null> {
    const start = this.#current;
    if (!start) return null;
    try {
      const user = await fetchMe(api);
      if (this.#current?.user.documentId === user.documentId) this.set({ ...this.#current, user });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.clear();
    }
    return this.#current;
  }
}

export const session = new SessionStore();

/** The signed-in API client: bearer token from the session, one refresh and retry on a 401. */
export const api = new ApiClient({
  current: () => session.accessToken(),
  refresh: (rejected) => session.refresh(rejected),
});
