// Installing the app and updating it. The update is the user's decision: a new service worker waits until
// they press "Reload", so nobody loses a half-filled form or a running quiz to an automatic reload.
import { browser, dev } from '$app/environment';
import type { Workbox } from 'workbox-window';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const UPDATE_CHECK_MS = 60 * 60 * 1000;

class Pwa {
  /** A new version is installed and waiting for the user's go-ahead. */
  updateReady = $state(false);
  /** The browser offers installation (Chromium's beforeinstallprompt); iOS never does. */
  canInstall = $state(false);
  online = $state(browser ? navigator.onLine : true);

  #prompt: InstallPromptEvent | null = null;
  #workbox: Workbox | null = null;
  #lastCheck = 0;

  constructor() {
    if (!browser) return;
    // Registered at module load: the event may fire before any component mounts.
    window.addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault();
      this.#prompt = event as InstallPromptEvent;
      this.canInstall = true;
    });
    window.addEventListener('appinstalled', () => {
      this.#prompt = null;
      this.canInstall = false;
    });
    window.addEventListener('online', () => (this.online = true));
    window.addEventListener('offline', () => (this.online = false));
  }

  async install(): Promise<void> {
    const prompt = this.#prompt;
    if (!prompt) return;
    this.#prompt = null;
    this.canInstall = false;
    await prompt.prompt();
  }

  /** Registers the service worker after the page has loaded, so it never competes with first paint. */
  async register(): Promise<void> {
    if (dev || !('serviceWorker' in navigator) || this.#workbox) return;
    // A first visit (no worker controls the page yet) has no older version to replace, so nothing can
    // wait for the user: the plain registration installs the worker, and workbox-window (2.4 KB gzip,
    // against the learner's first-visit budget) comes from the next visit on, where it shows a version
    // that is waiting, including one that arrived during this first visit.
    if (!navigator.serviceWorker.controller) {
      await navigator.serviceWorker.register('/service-worker.js');
      return;
    }
    const { Workbox } = await import('workbox-window');
    const workbox = new Workbox('/service-worker.js');
    this.#workbox = workbox;
    workbox.addEventListener('waiting', () => (this.updateReady = true));
    await workbox.register();
    this.#lastCheck = Date.now();
    // Phones keep the app open for days: look for a new version when it comes back to the foreground.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && Date.now() - this.#lastCheck > UPDATE_CHECK_MS) {
        this.#lastCheck = Date.now();
        void workbox.update();
      }
    });
  }

  /** Only on the user's request: activate the waiting worker, then reload once it controls the page. */
  applyUpdate(): void {
    const workbox = this.#workbox;
    if (!workbox) return;
    workbox.addEventListener('controlling', () => window.location.reload());
    workbox.messageSkipWaiting();
  }

  dismissUpdate(): void {
    this.updateReady = false;
  }
}

export const pwa = new Pwa();
