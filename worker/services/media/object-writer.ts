/**
 * R2 asks every part of a multipart upload but the last to be the same size, at least 5 MiB. It is also
 * the most of a file the worker ever holds: bytes are gathered into one part and sent on.
 */
export const PART_BYTES = 5 * 1024 * 1024;

/**
 * Writes one R2 object from bytes as they arrive, holding at most one part in memory. A file that ends
 * within its first part is one put (its size is known then); a larger one becomes a multipart upload.
 */
export class ObjectWriter {
  private part = new Uint8Array(PART_BYTES);
  private filled = 0;
  private upload: R2MultipartUpload | null = null;
  private readonly parts: R2UploadedPart[] = [];
  /** The file's first part (its first PART_BYTES bytes): what an image's dimensions are read from. */
  head: Uint8Array | null = null;
  bytes = 0;

  constructor(
    private readonly bucket: R2Bucket,
    private readonly key: string,
    private readonly httpMetadata: R2HTTPMetadata,
    /** Keep the first part after it is sent (images: their header is read from it). */
    private readonly keepHead = false,
  ) {}

  async write(chunk: Uint8Array): Promise<void> {
    this.bytes += chunk.length;
    let offset = 0;
    while (offset < chunk.length) {
      const take = Math.min(chunk.length - offset, PART_BYTES - this.filled);
      this.part.set(chunk.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === PART_BYTES) await this.sendPart();
    }
  }

  /** Stores what was written; answers the object's size. */
  async close(): Promise<number> {
    if (!this.upload) {
      const body = this.part.subarray(0, this.filled);
      this.head = body;
      await this.bucket.put(this.key, body, { httpMetadata: this.httpMetadata });
      return this.bytes;
    }
    if (this.filled > 0) await this.sendPart();
    await this.upload.complete(this.parts);
    return this.bytes;
  }

  /** Gives up: a multipart upload's parts are discarded; nothing was put otherwise. */
  async abort(): Promise<void> {
    await this.upload?.abort().catch(() => {});
  }

  private async sendPart(): Promise<void> {
    this.upload ??= await this.bucket.createMultipartUpload(this.key, { httpMetadata: this.httpMetadata });
    const body = this.part.subarray(0, this.filled);
    this.parts.push(await this.upload.uploadPart(this.parts.length + 1, body));
    // Kept for an image's header; otherwise every part reuses one buffer.
    if (this.keepHead && !this.head) {
      this.head = body;
      this.part = new Uint8Array(PART_BYTES);
    }
    this.filled = 0;
  }
}
