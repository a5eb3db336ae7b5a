import type { SystemHealth } from '../../contract/analytics';

type Storage = SystemHealth['storage'] & { lastBackupAt: string | null };

/** Listing every object costs one R2 call per 1,000 objects: the answer is kept for a minute. */
export const STORAGE_CACHE_MS = 60_000;
/** R2 lists at most 1,000 objects a call; 100 pages is 100,000 objects, beyond which the figures are a lower bound. */
const PAGE_SIZE = 1000;
const MAX_PAGES = 100;
export const BACKUP_PREFIX = 'backups';

let cached: { at: number; value: Storage } | null = null;

/**
 * Objects and bytes in the media bucket, in total and per top-level prefix (uploads/, certificates/,
 * backups/…), and the newest object under backups/ (when backups are written there). Paginated with the
 * list cursor; cached briefly in the isolate, `refresh` lists again.
 */
export async function storageUsage(
  bucket: R2Bucket | undefined,
  options: { refresh?: boolean; now?: number; pageSize?: number; maxPages?: number } = {},
): Promise<Storage> {
  const { refresh = false, now = Date.now(), pageSize = PAGE_SIZE, maxPages = MAX_PAGES } = options;
  if (!bucket)
    return { bound: false, objects: 0, bytes: 0, byPrefix: [], listedAt: null, truncated: false, lastBackupAt: null };
  if (!refresh && cached && now - cached.at < STORAGE_CACHE_MS) return cached.value;
  const prefixes = new Map<string, { objects: number; bytes: number }>();
  let objects = 0;
  let bytes = 0;
  let lastBackup: Date | null = null;
  let cursor: string | undefined;
  let pages = 0;
  let truncated = false;
  do {
    const page = await bucket.list({ cursor, limit: pageSize });
    for (const object of page.objects) {
      objects += 1;
      bytes += object.size;
      const prefix = object.key.includes('/') ? object.key.slice(0, object.key.indexOf('/')) : '';
      const entry = prefixes.get(prefix) ?? { objects: 0, bytes: 0 };
      entry.objects += 1;
      entry.bytes += object.size;
      prefixes.set(prefix, entry);
      if (prefix === BACKUP_PREFIX && (!lastBackup || object.uploaded > lastBackup)) lastBackup = object.uploaded;
    }
    pages += 1;
    cursor = page.truncated ? page.cursor : undefined;
    if (cursor && pages >= maxPages) {
      truncated = true;
      cursor = undefined;
    }
  } while (cursor);
  const value: Storage = {
    bound: true,
    objects,
    bytes,
    byPrefix: [...prefixes.entries()]
      .map(([prefix, figures]) => ({ prefix, ...figures }))
      .sort((a, b) => b.bytes - a.bytes || a.prefix.localeCompare(b.prefix)),
    listedAt: new Date(now).toISOString(),
    truncated,
    lastBackupAt: lastBackup ? new Date(lastBackup).toISOString() : null,
  };
  cached = { at: now, value };
  return value;
}
