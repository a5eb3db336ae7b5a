import { z } from 'zod';
import { ApiError, badRequest, fromZodError } from '../../lib/errors';
import { formatLimit, MAX_UPLOAD_REQUEST_BYTES } from './media-types';
import { MultipartError, MultipartReader } from './multipart-reader';
import { ObjectWriter } from './object-writer';
import {
  fileRecord,
  fileTooLarge,
  imageDimensions,
  planObject,
  type FileInfo,
  type FileRecord,
} from './prepare-upload';
import { SNIFF_BYTES } from './sniff-mime';
import { deleteQuietly } from './store';

/** Strapi's fileInfo fields. Unknown keys (Strapi's `folder`) are dropped: this library has no folders. */
const fileInfoSchema = z.object({
  name: z.string().trim().min(1).max(255).optional(),
  alternativeText: z.string().max(10_000).nullable().optional(),
  caption: z.string().max(10_000).nullable().optional(),
});

/** What of a refused upload is still read (and dropped) before answering: see MultipartReader.discardRest. */
const REFUSED_REMAINDER_BYTES = 16 * 1024 * 1024;

/** A fileInfo field is a small JSON text; anything longer is not one. */
const MAX_FIELD_BYTES = 64 * 1024;

/** Files stored in R2 by one upload request, described for their `files` rows. */
export interface ReceivedUpload {
  records: FileRecord[];
  keys: string[];
}

/**
 * Receives Strapi's upload form as it arrives: each file in `files` is typed from its first bytes,
 * checked against its type's limit byte by byte and streamed into R2 (never held whole); `fileInfo`
 * (one JSON value, an array for several files, or one per file) describes them by position. A refusal
 * stops storing at once (the file's parts are aborted, the objects already stored for the request are
 * deleted) and drops the rest of the body.
 */
export async function receiveUpload(bucket: R2Bucket, body: ReadableStream<Uint8Array>, boundary: string) {
  const form = new MultipartReader(limitBytes(body), boundary);
  const stored: {
    plan: ReturnType<typeof planObject>;
    bytes: number;
    dimensions: ReturnType<typeof imageDimensions>;
  }[] = [];
  const infoTexts: string[] = [];
  try {
    for (let part = await form.nextPart(); part; part = await form.nextPart()) {
      if (part.name === 'fileInfo') {
        if (part.filename !== undefined) throw badRequest('fileInfo must be JSON text, not a file');
        infoTexts.push(await form.text(MAX_FIELD_BYTES));
      } else if (part.name === 'files') {
        if (part.filename === undefined) throw badRequest('The "files" field must hold files, not text');
        stored.push(await storeFile(bucket, form, part.filename, stored.length));
      }
    }
    if (stored.length === 0) throw badRequest('No files were uploaded: send them in the "files" field');
    const infos = readFileInfos(infoTexts, stored.length);
    return {
      records: stored.map((s, i) => fileRecord(s.plan, infos[i]!, s.bytes, s.dimensions)),
      keys: stored.map((s) => s.plan.key),
    } satisfies ReceivedUpload;
  } catch (error) {
    await form.discardRest(REFUSED_REMAINDER_BYTES);
    await deleteQuietly(
      bucket,
      stored.map((s) => s.plan.key),
    );
    if (error instanceof MultipartError)
      throw badRequest(`The request body is not valid multipart/form-data: ${error.message}`);
    throw error;
  }
}

async function storeFile(bucket: R2Bucket, form: MultipartReader, fileName: string, index: number) {
  const chunks: Uint8Array[] = [];
  for (let sniffed = 0; sniffed < SNIFF_BYTES;) {
    const chunk = await form.read();
    if (!chunk) break;
    chunks.push(chunk);
    sniffed += chunk.length;
  }
  const first = concat(chunks);
  const plan = planObject(first.subarray(0, SNIFF_BYTES), fileName, index);
  const writer = new ObjectWriter(bucket, plan.key, plan.httpMetadata, plan.type.kind === 'image');
  try {
    for (let chunk: Uint8Array | null = first; chunk; chunk = await form.read()) {
      if (writer.bytes + chunk.length > plan.limit) throw fileTooLarge(plan);
      await writer.write(chunk);
    }
    const bytes = await writer.close();
    return { plan, bytes, dimensions: imageDimensions(plan, writer.head ?? new Uint8Array(0), index) };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

function readFileInfos(values: string[], fileCount: number): FileInfo[] {
  const parsed: unknown[] = [];
  for (const value of values) {
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch {
      throw badRequest('fileInfo is not valid JSON');
    }
    parsed.push(...(Array.isArray(json) && values.length === 1 ? json : [json]));
  }
  if (parsed.length > fileCount)
    throw badRequest(`fileInfo describes ${parsed.length} files but ${fileCount} were uploaded`);
  const result = z.array(fileInfoSchema).safeParse(parsed);
  if (!result.success) throw fromZodError(result.error, ['fileInfo']);
  return Array.from({ length: fileCount }, (_, i) => result.data[i] ?? {});
}

/** The whole request may hold the largest file and its envelope: counted as it arrives, chunked or not. */
function limitBytes(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  let received = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > MAX_UPLOAD_REQUEST_BYTES) controller.error(requestTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}

export function requestTooLarge(): ApiError {
  return new ApiError(
    413,
    'PayloadTooLargeError',
    `An upload request may not be larger than ${formatLimit(MAX_UPLOAD_REQUEST_BYTES)}`,
    { limit: MAX_UPLOAD_REQUEST_BYTES },
  );
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
