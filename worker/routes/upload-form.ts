import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { badRequest } from '../lib/errors';
import { MAX_UPLOAD_REQUEST_BYTES } from '../services/media/media-types';
import { boundaryOf } from '../services/media/multipart-reader';
import { requestTooLarge } from '../services/media/receive-upload';

/** The upload form's body and boundary; a body announced over the limit is refused before a byte is read. */
export function uploadFormBody(c: Context<AppEnv>): { body: ReadableStream<Uint8Array>; boundary: string } {
  const boundary = boundaryOf(c.req.header('content-type') ?? '');
  if (!boundary || !c.req.raw.body) {
    throw badRequest('An upload must be sent as multipart/form-data with its files in the "files" field');
  }
  if (Number(c.req.header('content-length') ?? 0) > MAX_UPLOAD_REQUEST_BYTES) throw requestTooLarge();
  return { body: c.req.raw.body, boundary };
}
