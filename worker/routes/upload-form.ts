import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { ApiError, badRequest, fromZodError } from '../lib/errors';
import type { FileInfo } from '../services/media/prepare-upload';
import { formatLimit, MAX_UPLOAD_REQUEST_BYTES } from '../services/media/media-types';

/** Strapi's fileInfo fields. Unknown keys (Strapi's `folder`) are dropped: this library has no folders. */
const fileInfoSchema = z.object({
  name: z.string().trim().min(1).max(255).optional(),
  alternativeText: z.string().max(10_000).nullable().optional(),
  caption: z.string().max(10_000).nullable().optional(),
});

export interface UploadForm {
  files: File[];
  /** One per file, by position; `{}` where the client said nothing. */
  infos: FileInfo[];
}

/**
 * Reads Strapi's upload form: `files` (one or several) and an optional `fileInfo`, either one JSON
 * value (an object, or an array for several files) or one JSON object per file.
 */
export async function readUploadForm(c: Context<AppEnv>): Promise<UploadForm> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;.*boundary=/i.test(contentType)) {
    throw badRequest('An upload must be sent as multipart/form-data with its files in the "files" field');
  }
  // Refused before reading a byte; the counting below also holds when no Content-Length was sent.
  if (Number(c.req.header('content-length') ?? 0) > MAX_UPLOAD_REQUEST_BYTES) throw requestTooLarge();
  const form = await readFormData(c.req.raw, contentType);

  const entries = form.getAll('files');
  if (entries.some((entry) => typeof entry === 'string'))
    throw badRequest('The "files" field must hold files, not text');
  const files = entries as File[];
  if (files.length === 0) throw badRequest('No files were uploaded: send them in the "files" field');
  return { files, infos: readFileInfos(form.getAll('fileInfo'), files.length) };
}

async function readFormData(request: Request, contentType: string): Promise<FormData> {
  let received = 0;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > MAX_UPLOAD_REQUEST_BYTES) controller.error(requestTooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted ?? null, { headers: { 'content-type': contentType } }).formData();
  } catch {
    if (received > MAX_UPLOAD_REQUEST_BYTES) throw requestTooLarge();
    throw badRequest('The request body is not valid multipart/form-data');
  }
}

function readFileInfos(values: (string | File)[], fileCount: number): FileInfo[] {
  const parsed: unknown[] = [];
  for (const value of values) {
    if (typeof value !== 'string') throw badRequest('fileInfo must be JSON text, not a file');
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

function requestTooLarge(): ApiError {
  return new ApiError(
    413,
    'PayloadTooLargeError',
    `An upload request may not be larger than ${formatLimit(MAX_UPLOAD_REQUEST_BYTES)}`,
    {
      limit: MAX_UPLOAD_REQUEST_BYTES,
    },
  );
}
