import { browser } from '$app/environment';
import { ApiError, me, refresh, type Tokens, type User } from '$lib/api/client';

const STORAGE_KEY = 'lms.session';
const UNAUTHORIZED = Symbol('unauthorized');

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

class SessionStore {
  // Replaced wholesale, never mutated, so a raw (non-proxied) state is enough.
  #current = $state.raw<Session | null>(read());
  #validating: Promise<Session | null> | null = null;

  constructor() {
    // Keep tabs in agreement: signing out in one tab signs out the others.
    if (browser) {
      window.addEventListener('storage', (event) => {
        if (event.key === STORAGE_KEY || event.key === null) this.#current = read();
      });
    }
  }

  get current(): Session | null {
    return this.#current;
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
   * Confirms the stored session with the server, refreshing an expired jwt once.
   * Concurrent callers share one attempt because refresh tokens are single-use.
   */
  validate(): Promise<Session | null> {
    this.#validating ??= this.#validate().finally(() => (this.#validating = null));
    return this.#validating;
  }

  async #validate(): Promise<Session | null> {
    const start = this.#current;
    if (!start) return null;
    const confirmed = await this.#confirm(start);
    if (confirmed !== UNAUTHORIZED) return confirmed;

    let tokens: Tokens;
    try {
      tokens = await refresh(start.refreshToken);
    } catch (error) {
      // Only a server verdict ends the session; a network failure leaves it for a later retry.
      return error instanceof ApiError && error.status < 500 ? this.#drop(start) : start;
    }
    // Persist the rotated tokens before anything else can fail: the old refresh token is spent.
    const next = { ...start, jwt: tokens.jwt, refreshToken: tokens.refreshToken };
    if (this.#replace(start, next) !== next) return this.#current;
    const reconfirmed = await this.#confirm(next);
    return reconfirmed === UNAUTHORIZED ? this.#drop(next) : reconfirmed;
  }

  async #confirm(session: Session): Promise<Session | null | typeof UNAUTHORIZED> {
    try {
      return this.#replace(session, { ...session, user: await me(session.jwt) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return UNAUTHORIZED;
      // Offline or a server fault says nothing about the credentials; keep them.
      return session;
    }
  }

  // Both guards below ignore results for a session the user has since replaced by signing in or out.
  #replace(expected: Session, next: Session): Session | null {
    if (this.#current !== expected) return this.#current;
    this.set(next);
    return next;
  }

  #drop(expected: Session): Session | null {
    if (this.#current === expected) this.clear();
    return this.#current;
  }
}

export const session = new SessionStore();
