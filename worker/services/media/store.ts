/** The R2 bucket, or a server fault: a deployment without the MEDIA binding is misconfigured. */
export function mediaBucket(env: { MEDIA?: R2Bucket }): R2Bucket {
  if (!env.MEDIA) throw new Error('The MEDIA R2 binding is not configured');
  return env.MEDIA;
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
