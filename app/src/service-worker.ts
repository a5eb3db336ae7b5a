/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The app shell offline (precached), API reads and media at runtime, and Background Sync of the outbox.
// A new version installs in the background and WAITS: it takes over only when the page asks (the user
// pressed "Reload" in the update prompt), never in the middle of someone's lesson.
import { build, files, version } from '$service-worker';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { createPartialResponse } from 'workbox-range-requests';
import { ApiClient } from '$lib/api/client';
import { API_CACHE, apiCacheKey, stampSavedAt } from '$lib/offline/api-cache';
import { Dexie } from 'dexie';
import { databaseName, openUserDatabase } from '$lib/offline/database';
import { storedAccessToken } from '$lib/offline/credentials';
import { syncOutbox } from '$lib/offline/sync';

const sw = self as unknown as ServiceWorkerGlobalScope;

// The shell: hashed build files (revision null: the name changes with the content) and the small static
// files. Of the fonts, the WOFF2 files for Arabic UI text and for verses (regular) come along, so Arabic
// renders offline too; the rest is cached when first used. Certificate TTFs are for the worker, not the app.
const OFFLINE_FONTS = /\/(noto-sans-arabic-arabic-(400|700)|amiri-arabic-400)-normal\.[^/]+\.woff2$/;
const shell = build.filter((path) => !/\.(woff2?|ttf)$/.test(path) || OFFLINE_FONTS.test(path));
const statics = files.filter((path) => /^\/(manifest\.webmanifest|favicon\.svg|icons\/icon-192\.png)$/.test(path));
precacheAndRoute([
  { url: '/', revision: version },
  ...shell.map((url) => ({ url, revision: null })),
  ...statics.map((url) => ({ url, revision: version })),
]);
cleanupOutdatedCaches();

// Every page of the SPA is the same index.html.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/'), { denylist: [/^\/(api|uploads|xapi|fonts)\//, /^\/_health$/] }),
);

// The mushaf face of the hifz pages (Amiri Quran, about 45 KB) belongs with the Quran text: fetched by the first
// hifz page that shows the text, then kept beside it with no expiry (the fonts cache below keeps only 20), so
// a classroom sitting has both offline. Not precached: most of the school never opens a hifz page.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && /\/amiri-quran-arabic-400-normal\.[^/]+\.woff2$/.test(url.pathname),
  new CacheFirst({ cacheName: 'lms-quran', plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
);

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && /\.(woff2?)$/.test(url.pathname),
  new CacheFirst({
    cacheName: 'lms-fonts',
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 20 })],
  }),
);

// The Quran text for hifz (about 200 KB compressed): from the phone once fetched, refreshed in the background.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname === '/quran/quran-hafs.json',
  new StaleWhileRevalidate({ cacheName: 'lms-quran', plugins: [new CacheableResponsePlugin({ statuses: [200] })] }),
);

// API reads the app shows offline. The network first (fresh data), the last answer when offline or after
// 5 s of a stalled connection. Keys carry the user, so siblings on one phone never see each other's data.
// The family page's reads are among them (a parent's phone may be offline for days): progress-stats,
// user-progresses, user-achievements, certificates, quiz-attempts. Each kept copy says when it was saved.
// The school's public settings (anonymous, shared) name the language of caption files that state none.
const CACHED_READS =
  /^\/api\/(users\/me|course-enrollments|courses|lessons|quizzes|quiz-attempts|user-progresses|progress-stats|streaks|user-achievements|achievements|certificates|instructors|leaderboards|hifz|school-settings\/public)(\/|$)/;
registerRoute(
  ({ url, request, sameOrigin }) =>
    // A recitation's audio (a child's voice, by signed link) is never kept by the app's caches.
    sameOrigin && request.method === 'GET' && CACHED_READS.test(url.pathname) && !url.pathname.endsWith('/audio'),
  new NetworkFirst({
    cacheName: API_CACHE,
    networkTimeoutSeconds: 5,
    plugins: [
      new CacheableResponsePlugin({ statuses: [200] }),
      { cacheWillUpdate: async ({ response }) => stampSavedAt(response, new Date()) },
      { cacheKeyWillBeUsed: async ({ request }) => apiCacheKey(request.url, request.headers.get('authorization')) },
    ],
  }),
);

// Media: a downloaded course's files (in a user's lms-media-* cache) answer from the phone, with Range
// support so audio and video seek offline. Other images are cached as seen; other media streams.
const images = new CacheFirst({
  cacheName: 'lms-images',
  plugins: [
    new CacheableResponsePlugin({ statuses: [200] }),
    new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 86_400, purgeOnQuotaError: true }),
  ],
});
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/uploads/'),
  async ({ request, event }) => {
    const stored = await caches.match(request.url);
    if (stored) return request.headers.has('range') ? createPartialResponse(request, stored) : stored;
    if (request.destination === 'image') return images.handle({ request, event });
    return fetch(request);
  },
);

sw.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void sw.skipWaiting();
});

// Background Sync: the outbox of user `outbox:<documentId>`. An open page sends it with fresh tokens; with
// none open, the worker sends it with the last access token the page left, if still valid.
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
sw.addEventListener('sync', (event) => {
  const { tag } = event as SyncEvent;
  if (tag.startsWith('outbox:')) (event as SyncEvent).waitUntil(sendOutbox(tag.slice('outbox:'.length)));
});

async function sendOutbox(userDocumentId: string): Promise<void> {
  const pages = await sw.clients.matchAll({ type: 'window' });
  if (pages.length) {
    for (const page of pages) page.postMessage({ type: 'sync-outbox' });
    return;
  }
  // Signed out since the sync was registered: the database is gone, and must not be created empty.
  if (!(await Dexie.exists(databaseName(userDocumentId)))) return;
  const db = openUserDatabase(userDocumentId);
  try {
    const token = await storedAccessToken(db);
    if (token) await syncOutbox(db, new ApiClient({ current: () => token, refresh: async () => null }));
  } finally {
    db.close();
  }
}
