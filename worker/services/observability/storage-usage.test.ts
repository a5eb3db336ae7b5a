import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageUsage, STORAGE_CACHE_MS } from './storage-usage';

// miniflare's R2, the same local bucket `wrangler dev` gives the worker, driven from Node.
let mf: Miniflare;
let bucket: R2Bucket;

beforeAll(async () => {
  mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response(null) }',
    r2Buckets: ['MEDIA'],
  });
  bucket = (await mf.getR2Bucket('MEDIA')) as unknown as R2Bucket;
  for (let i = 0; i < 21; i++) await bucket.put(`uploads/file-${String(i).padStart(4, '0')}.txt`, '0123456789');
  await bucket.put('certificates/abc.pdf', 'x'.repeat(500));
  await bucket.put('backups/2026-03-01.sql.gz', 'x'.repeat(100));
  await bucket.put('backups/2026-03-02.sql.gz', 'x'.repeat(100));
}, 120_000);

afterAll(async () => {
  await mf?.dispose();
});

describe('storage usage', () => {
  it('counts every object and byte across pages, per top-level prefix, with the newest backup', async () => {
    // Pages of 10: the 24 objects take three list calls.
    const usage = await storageUsage(bucket, { refresh: true, pageSize: 10 });
    expect(usage).toMatchObject({ bound: true, objects: 24, bytes: 210 + 500 + 200, truncated: false });
    expect(usage.byPrefix).toEqual([
      { prefix: 'certificates', objects: 1, bytes: 500 },
      { prefix: 'uploads', objects: 21, bytes: 210 },
      { prefix: 'backups', objects: 2, bytes: 200 },
    ]);
    expect(Date.parse(usage.lastBackupAt!)).toBeGreaterThan(Date.now() - 120_000);
  });

  it('stops at the page limit and says the figures are a lower bound', async () => {
    const usage = await storageUsage(bucket, { refresh: true, pageSize: 10, maxPages: 2 });
    expect(usage).toMatchObject({ objects: 20, truncated: true });
  });

  it('answers from its cache for a minute, and lists again when asked to', async () => {
    const first = await storageUsage(bucket, { refresh: true });
    await bucket.put('uploads/late.txt', '12345');
    expect((await storageUsage(bucket)).objects).toBe(first.objects);
    const later = Date.parse(first.listedAt!) + STORAGE_CACHE_MS + 1;
    expect((await storageUsage(bucket, { now: later })).objects).toBe(first.objects + 1);
  });

  it('says when there is no bucket', async () => {
    expect(await storageUsage(undefined)).toMatchObject({ bound: false, objects: 0, listedAt: null });
  });
});
