// What offline-store.e2e.ts loads into its page: the offline layer and the API client, as the app has them.
export * from '../../app/src/lib/offline/index';
export * from '../../app/src/lib/api/index';
