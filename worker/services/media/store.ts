import type { PreparedUpload } from './prepare-upload';

/** The R2 bucket, or a server fault: a deployment without the MEDIA binding is misconfigured. */
export function mediaBucket(env: { MEDIA?: R2Bucket }): R2Bucket {
  if (!env.MEDIA) throw new Error('The MEDIA R2 binding is not configured');
  return env.MEDIA;
}

/**
 * Puts every object, or none: when one put fails, the ones that succeeded are deleted again before the
 * error goes on, so a failed upload leaves no unreachable objects behind.
 */
export async function putAll(bucket: R2Bucket, uploads: readonly PreparedUpload[]): Promise<void> {
  const results = await Promise.allSettled(
    uploads.map((u) => bucket.put(u.key, u.body, { httpMetadata: u.httpMetadata })),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failure) return;
  const stored = uploads.filter((_, i) => results[i]?.status === 'fulfilled').map((u) => u.key);
  await deleteQuietly(bucket, stored);
  throw failure.reason;
}

/** Undoes puts after a later step failed; that step's error is the one worth reporting, not this one's. */
export async function deleteQuietly(bucket: R2Bucket, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await bucket.delete([...keys]).catch((error: unknown) => {
    console.error(
      JSON.stringify({
        level: 'error',
        message: 'could not delete orphaned media objects',
        keys,
        error: String(error),
      }),
    );
  });
}
