import { ApiError, badRequest } from '../../lib/errors';
import { imageSize, type ImageSize } from './image-size';
import { ACCEPTED_TYPES_DESCRIPTION, describeKind, formatLimit, SIZE_LIMITS, type MediaType } from './media-types';
import { extensionFor, inlineDisposition, newObjectHash, objectKey, objectUrl } from './object-names';
import { sniffMediaType } from './sniff-mime';

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

/** Where and how an accepted file is stored, decided from its first bytes and its uploaded name. */
export interface PlannedObject {
  fileName: string;
  type: MediaType;
  /** The most bytes this file may have (its type's limit). */
  limit: number;
  hash: string;
  ext: string;
  key: string;
  httpMetadata: R2HTTPMetadata;
}

/** Strapi reports sizes in kilobytes (of 1000 bytes) rounded to two decimals. */
export function bytesToKilobytes(bytes: number): number {
  return Math.round((bytes / 1000) * 100) / 100;
}

/**
 * Decides from a file's first bytes (SNIFF_BYTES of them, or all if fewer) whether it is accepted and
 * where it goes: 400 when the bytes are not an accepted type, whatever the name or Content-Type claims.
 * `index` is the file's position in the request, for the error's path.
 */
export function planObject(head: Uint8Array, fileName: string, index: number): PlannedObject {
  const type = sniffMediaType(head);
  if (!type)
    throw refused(
      fileName,
      index,
      `"${fileName}" is not an accepted file type (accepted: ${ACCEPTED_TYPES_DESCRIPTION})`,
    );
  const ext = extensionFor(fileName, type);
  const hash = newObjectHash(fileName || `file${ext}`);
  return {
    fileName,
    type,
    limit: SIZE_LIMITS[type.kind],
    hash,
    ext,
    key: objectKey(hash, ext),
    httpMetadata: httpMetadataFor(type, fileName),
  };
}

/** 413 for a file found larger than its type allows, as soon as the byte that crosses the limit arrives. */
export function fileTooLarge(plan: Pick<PlannedObject, 'fileName' | 'type' | 'limit'>, size?: number): ApiError {
  return new ApiError(
    413,
    'PayloadTooLargeError',
    `"${plan.fileName}" is larger than the ${formatLimit(plan.limit)} limit for ${describeKind(plan.type.kind)}`,
    { file: plan.fileName, limit: plan.limit, ...(size !== undefined && { size }) },
  );
}

/** An image's width and height from its first bytes (its header); 400 when they cannot be read. */
export function imageDimensions(plan: PlannedObject, head: Uint8Array, index: number): ImageSize | null {
  if (plan.type.kind !== 'image') return null;
  const size = imageSize(plan.type.mime, head);
  if (!size)
    throw refused(
      plan.fileName,
      index,
      `"${plan.fileName}" looks like ${plan.type.mime} but its dimensions cannot be read`,
    );
  return size;
}

/** The row recorded for a stored file; the name is fileInfo's when given. */
export function fileRecord(
  plan: PlannedObject,
  info: FileInfo,
  bytes: number,
  dimensions: ImageSize | null,
): FileRecord {
  return {
    name: fitName(info.name?.trim() || plan.fileName || `file${plan.ext}`, plan.ext),
    alternativeText: info.alternativeText ?? null,
    caption: info.caption ?? null,
    width: dimensions?.width ?? null,
    height: dimensions?.height ?? null,
    // Strapi's thumbnails and breakpoints come from sharp, which Workers cannot run.
    formats: null,
    hash: plan.hash,
    ext: plan.ext,
    mime: plan.type.mime,
    size: bytesToKilobytes(bytes),
    url: objectUrl(plan.key),
    previewUrl: null,
    provider: 'r2',
    providerMetadata: { key: plan.key },
  };
}

/** Stored with the object, so serving needs no database: the sniffed type, and a name for PDFs. */
function httpMetadataFor(type: MediaType, name: string): R2HTTPMetadata {
  // Documents keep their name for the download they become when opened on their own (uploads-serving.ts).
  const named = type.kind === 'pdf' || type.kind === 'captions';
  return { contentType: type.mime, ...(named && { contentDisposition: inlineDisposition(name) }) };
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
