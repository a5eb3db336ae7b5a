import { ApiError, badRequest } from '../../lib/errors';
import { imageSize } from './image-size';
import { ACCEPTED_TYPES_DESCRIPTION, describeKind, formatLimit, SIZE_LIMITS, type MediaType } from './media-types';
import { extensionFor, inlineDisposition, newObjectHash, objectKey, objectUrl } from './object-names';
import { SNIFF_BYTES, sniffMediaType } from './sniff-mime';

/** What the uploader may say about a file (Strapi's `fileInfo`). */
export interface FileInfo {
  name?: string;
  alternativeText?: string | null;
  caption?: string | null;
}

/** The `files` row of an upload, before it has an id or an owner. */
export interface FileRecord {
  name: string;
  alternativeText: string | null;
  caption: string | null;
  width: number | null;
  height: number | null;
  formats: null;
  hash: string;
  ext: string;
  mime: string;
  size: number;
  url: string;
  previewUrl: null;
  provider: 'r2';
  providerMetadata: { key: string };
}

/** A checked file, ready to be put into R2 and recorded. */
export interface PreparedUpload {
  body: Blob;
  key: string;
  httpMetadata: R2HTTPMetadata;
  record: FileRecord;
}

/** Strapi reports sizes in kilobytes (of 1000 bytes) rounded to two decimals. */
export function bytesToKilobytes(bytes: number): number {
  return Math.round((bytes / 1000) * 100) / 100;
}

/**
 * Checks one uploaded file and describes how it will be stored. Throws 400 when its bytes are not an
 * accepted type (whatever its name or Content-Type claim) and 413 when it is over its type's limit.
 * `index` is its position in the request, for the error's path.
 */
export async function prepareUpload(file: File, info: FileInfo, index: number): Promise<PreparedUpload> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const type = sniffMediaType(head);
  if (!type)
    throw refused(
      file.name,
      index,
      `"${file.name}" is not an accepted file type (accepted: ${ACCEPTED_TYPES_DESCRIPTION})`,
    );

  const limit = SIZE_LIMITS[type.kind];
  if (file.size > limit) {
    throw new ApiError(
      413,
      'PayloadTooLargeError',
      `"${file.name}" is larger than the ${formatLimit(limit)} limit for ${describeKind(type.kind)}`,
      {
        file: file.name,
        size: file.size,
        limit,
      },
    );
  }

  const size = type.kind === 'image' ? imageSize(type.mime, new Uint8Array(await file.arrayBuffer())) : null;
  if (type.kind === 'image' && !size)
    throw refused(file.name, index, `"${file.name}" looks like ${type.mime} but its dimensions cannot be read`);

  const ext = extensionFor(info.name?.trim() || file.name, type);
  const name = fitName(info.name?.trim() || file.name || `file${ext}`, ext);
  const hash = newObjectHash(name);
  const key = objectKey(hash, ext);
  return {
    body: file,
    key,
    httpMetadata: httpMetadataFor(type, name),
    record: {
      name,
      alternativeText: info.alternativeText ?? null,
      caption: info.caption ?? null,
      width: size?.width ?? null,
      height: size?.height ?? null,
      // Strapi's thumbnails and breakpoints come from sharp, which Workers cannot run.
      formats: null,
      hash,
      ext,
      mime: type.mime,
      size: bytesToKilobytes(file.size),
      url: objectUrl(key),
      previewUrl: null,
      provider: 'r2',
      providerMetadata: { key },
    },
  };
}

/** Stored with the object, so serving needs no database: the sniffed type, and a name for PDFs. */
function httpMetadataFor(type: MediaType, name: string): R2HTTPMetadata {
  return { contentType: type.mime, ...(type.kind === 'pdf' && { contentDisposition: inlineDisposition(name) }) };
}

/** The column holds 255 characters; a longer uploaded name is shortened, keeping its extension. */
export function fitName(name: string, ext: string, max = 255): string {
  const characters = Array.from(name);
  if (characters.length <= max) return name;
  const keep = name.toLowerCase().endsWith(ext) ? ext : '';
  return characters.slice(0, max - keep.length).join('') + (keep ? name.slice(-keep.length) : '');
}

function refused(fileName: string, index: number, message: string): ApiError {
  return badRequest(message, {
    file: fileName,
    errors: [{ path: ['files', index], message, name: 'ValidationError' }],
  });
}
