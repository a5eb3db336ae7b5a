/** An in-memory stand-in for R2 in unit tests, that can be told to fail a put. */
export function fakeBucket(options: { failPutWhen?: (key: string) => boolean } = {}) {
  const objects = new Map<string, unknown>();
  const deleted: string[] = [];
  const bucket = {
    async put(key: string, value: unknown) {
      if (options.failPutWhen?.(key)) throw new Error(`put ${key} failed`);
      objects.set(key, value);
      return {};
    },
    async delete(keys: string | string[]) {
      for (const key of Array.isArray(keys) ? keys : [keys]) {
        deleted.push(key);
        objects.delete(key);
      }
    },
  };
  return { bucket: bucket as unknown as R2Bucket, objects, deleted };
}
