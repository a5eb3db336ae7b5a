// The offline layer as the app uses it: opens the signed-in user's database on demand (Dexie arrives with a
// dynamic import), and sends the outbox on app start, when the connection returns, when the app comes back
// to the foreground, and through Background Sync where the browser has it.
import { browser } from '$app/environment';
import { NetworkError } from '$lib/api/errors';
import { api, session } from '$lib/session.svelte';
import type { UserDatabase } from './database';
import type { ProgressInput } from './outbox';
import type { HifzRecitationInput, HifzSessionInput } from '$contract/hifz';
import type { QuizAttemptInput } from './quiz-attempts';

type OfflineModule = typeof import('./index');
let loading: Promise<OfflineModule> | null = null;

/** The offline modules (Dexie included), fetched the first time something needs them. */
export function loadOffline(): Promise<OfflineModule> {
  loading ??= import('./index');
  return loading;
}

const usedKey = (userDocumentId: string) => `lms.offline.${userDocumentId}`;

export interface Opened {
  db: UserDatabase;
  offline: OfflineModule;
}

class OfflineRuntime {
  /** True while the outbox is being sent. */
  syncing = $state(false);
  /** Why the last sync stopped, when it was not for lack of a connection. */
  problem = $state<string | null>(null);

  #opened: (Opened & { user: string }) | null = null;
  #opening: { user: string; promise: Promise<Opened> } | null = null;
  #inFlight: Promise<void> | null = null;
  #listening = false;

  /** The signed-in user's database; opening it the first time also starts the sync triggers. */
  open(): Promise<Opened> {
    const user = session.user;
    if (!user) return Promise.reject(new Error('The offline store needs a signed-in user'));
    // Concurrent callers (a page and the layout, say) share one opening, so one database object exists.
    if (this.#opening?.user !== user.documentId) {
      const promise = this.#openFor(user.documentId);
      this.#opening = { user: user.documentId, promise };
      promise.catch(() => {
        if (this.#opening?.promise === promise) this.#opening = null;
      });
    }
    return this.#opening.promise;
  }

  async #openFor(userDocumentId: string): Promise<Opened> {
    const offline = await loadOffline();
    this.#opened?.db.close();
    const db = offline.openUserDatabase(userDocumentId);
    this.#opened = { db, offline, user: userDocumentId };
    try {
      localStorage.setItem(usedKey(userDocumentId), '1');
    } catch {
      // Without the hint the layer just starts a little later, on the next write or installed start.
    }
    await offline.rememberAccessToken(db, session.accessToken());
    this.#listen();
    return { db, offline };
  }

  /**
   * Whether this phone already holds the user's data or the app is installed (a service worker controls
   * the page). Pages read through the offline layer only then, so a first visit never downloads Dexie.
   */
  inUse(): boolean {
    const user = session.user;
    if (!browser || !user) return false;
    if (this.#opened?.user === user.documentId || navigator.serviceWorker?.controller) return true;
    try {
      return localStorage.getItem(usedKey(user.documentId)) === '1';
    } catch {
      return false;
    }
  }

  /** On app start: sends work left from an earlier visit, when the layer is in use. */
  startIfUsed(): void {
    if (this.inUse()) void this.open().then(() => this.sync());
  }

  /** Sends what waits; a call during a sync joins it. Offline or unreachable: the items wait for later. */
  sync(): Promise<void> {
    if (!this.#opened || !navigator.onLine) return Promise.resolve();
    this.#inFlight ??= this.#send(this.#opened).finally(() => (this.#inFlight = null));
    return this.#inFlight;
  }

  async #send({ db, offline }: Opened): Promise<void> {
    this.syncing = true;
    try {
      await offline.syncOutbox(db, api);
      this.problem = null;
    } catch (error) {
      this.problem = error instanceof NetworkError ? null : error instanceof Error ? error.message : String(error);
    } finally {
      this.syncing = false;
    }
  }

  /** Offline: saved at once (with its outbox row, in one transaction), sent when possible. */
  async recordProgress(input: ProgressInput) {
    const { db, offline } = await this.open();
    const item = await offline.recordProgress(db, input);
    void this.#requestBackgroundSync();
    void this.sync();
    return item;
  }

  /** Offline: a hifz sitting kept on the device at once, sent when possible. */
  async queueSitting(input: HifzSessionInput, title: string) {
    const { db, offline } = await this.open();
    const item = await offline.queueSitting(db, input, title);
    void this.#requestBackgroundSync();
    void this.sync();
    return item;
  }

  /** Offline: a recitation's audio kept with its outbox row, uploaded when possible. */
  async queueRecitation(audio: Blob, input: HifzRecitationInput, title: string) {
    const { db, offline } = await this.open();
    const item = await offline.queueRecitation(db, audio, input, title);
    void this.#requestBackgroundSync();
    void this.sync();
    return item;
  }

  /** Offline: a quiz attempt saved at once (with its outbox row, in one transaction), sent when possible. */
  async recordQuizAttempt(input: QuizAttemptInput) {
    const { db, offline } = await this.open();
    const item = await offline.recordQuizAttempt(db, input);
    void this.#requestBackgroundSync();
    void this.sync();
    return item;
  }

  /** Before signing out: one more try to send, then how many items would be lost. */
  async unsentAfterLastTry(): Promise<number> {
    const user = session.user;
    if (!user || !this.inUse()) return 0;
    const { db, offline } = await this.open();
    await this.sync();
    return offline.countUnsent(db);
  }

  /** Removes the user's database, downloads and cached API answers from this phone. */
  async erase(user: { id: number; documentId: string }): Promise<void> {
    if (this.#opened?.user === user.documentId) {
      this.#opened.db.close();
      this.#opened = null;
      this.#opening = null;
    }
    const offline = await loadOffline();
    await offline.eraseUserData(user);
    try {
      localStorage.removeItem(usedKey(user.documentId));
    } catch {
      // Nothing to undo: the hint only decides when the layer wakes.
    }
  }

  async #requestBackgroundSync(): Promise<void> {
    const user = this.#opened?.user;
    if (!user || !('serviceWorker' in navigator)) return;
    try {
      const registration = await navigator.serviceWorker.getRegistration();
      const sync = (
        registration as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
      )?.sync;
      await sync?.register(`outbox:${user}`);
    } catch {
      // Background Sync refused or missing: the online, start and foreground triggers still send it.
    }
  }

  #listen(): void {
    if (this.#listening) return;
    this.#listening = true;
    window.addEventListener('online', () => void this.sync());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.sync();
    });
    // The service worker's Background Sync hands the work to an open page, which holds fresh tokens.
    navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === 'sync-outbox') void this.sync();
    });
    // Keep the token the service worker may use for Background Sync in step with the session.
    $effect.root(() => {
      $effect(() => {
        const jwt = session.current?.jwt ?? null;
        const opened = this.#opened;
        if (opened) void opened.offline.rememberAccessToken(opened.db, jwt);
      });
    });
  }
}

export const offline = new OfflineRuntime();
