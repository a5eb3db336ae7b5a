// Leaving a shared phone: everything this app stored for one user, and nothing of anyone else's.
import { API_CACHE, apiCacheUserTag } from './api-cache';
import { deleteUserDatabase } from './database';
import { mediaCacheName } from './media';

export async function eraseUserData(user: { id: number; documentId: string }): Promise<void> {
  await deleteUserDatabase(user.documentId);
  if (typeof caches === 'undefined') return;
  await caches.delete(mediaCacheName(user.documentId));
  const api = await caches.open(API_CACHE);
  const tag = new RegExp(`[?&]${apiCacheUserTag(user.id)}$`);
  const keys = await api.keys();
  await Promise.all(keys.filter((request) => tag.test(request.url)).map((request) => api.delete(request)));
}
