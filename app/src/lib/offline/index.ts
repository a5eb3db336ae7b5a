// The offline layer, loaded with a dynamic import (`loadOffline()` in runtime.svelte.ts) so Dexie never
// weighs on a first visit. Framework-free: the service worker uses the same modules.
export { liveQuery } from 'dexie';
export * from './database';
export { recordProgress, retryItem, countUnsent, recentItems, latestItemForLesson, type ProgressInput } from './outbox';
export { recordQuizAttempt, latestQuizAttempt, type QuizAttemptInput } from './quiz-attempts';
export { syncOutbox, OUTBOX_KINDS, type OutboxKind, type SyncReport } from './sync';
export { revalidate, storedCopy, type Revalidated } from './revalidate';
export { refreshEnrolledCourses, storedLesson } from './courses';
export { downloadCourseMedia, removeCourseMedia, mediaCacheName } from './media';
export { eraseUserData } from './erase';
export { queueSitting, queueRecitation } from './hifz';
export { API_CACHE, apiCacheKey, apiCacheUserTag, tokenSubject } from './api-cache';
export { rememberAccessToken, storedAccessToken } from './credentials';
