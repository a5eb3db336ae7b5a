import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { uploadParts, uploadSessions } from '../../../db/schema';
import type { UploadSession, UploadedPart } from '../../contract/uploads';
import type { AuthUser } from '../../env';
import { ApiError, badRequest, conflict, notFound } from '../../lib/errors';
import { recordUploads, type FileRow } from './file-records';
import { formatLimit, SIZE_LIMITS } from './media-types';
import { MEDIA_TYPES } from './media-types';
import { PART_BYTES } from './object-writer';
import {
  fileRecord,
  fileTooLarge,
  imageDimensions,
  planObject,
  type FileInfo,
  type PlannedObject,
} from './prepare-upload';

/** A session not completed within a day is abandoned: its parts are aborted. */
const SESSION_SECONDS = 24 * 60 * 60;
/** Expired sessions cleared by each new one. */
const SWEEP_BATCH = 10;
const LARGEST_FILE = Math.max(...Object.values(SIZE_LIMITS));

type SessionRow = typeof uploadSessions.$inferSelect;

export const partCount = (size: number) => Math.ceil(size / PART_BYTES);
/** Every part is PART_BYTES but the last, which holds the rest. */
export const partLength = (size: number, partNumber: number) =>
  partNumber < partCount(size) ? PART_BYTES : size - (partCount(size) - 1) * PART_BYTES;

/** Starts a resumable upload of `size` bytes; a file larger than any type allows is refused at once. */
export async function startUploadSession(
  db: Database,
  bucket: R2Bucket,
  owner: AuthUser,
  file: FileInfo & { fileName: string; size: number },
): Promise<UploadSession> {
  if (file.size > LARGEST_FILE)
    throw new ApiError(413, 'PayloadTooLargeError', `No file may be larger than ${formatLimit(LARGEST_FILE)}`, {
      limit: LARGEST_FILE,
      size: file.size,
    });
  await sweepExpiredSessions(db, bucket);
  const [row] = await db
    .insert(uploadSessions)
    .values({
      userId: owner.id,
      fileName: file.fileName,
      alternativeText: file.alternativeText ?? null,
      caption: file.caption ?? null,
      size: file.size,
      expiresAt: sql`now() + make_interval(secs => ${SESSION_SECONDS})`,
    })
    .returning();
  return present(row!, []);
}

/** The owner's session with the parts R2 holds; anyone else's is not found. */
export async function describeUploadSession(db: Database, owner: AuthUser, documentId: string): Promise<UploadSession> {
  const session = await findSession(db, owner, documentId);
  return present(session, await partsOf(db, session.id));
}

export async function findSession(db: Database, owner: AuthUser, documentId: string): Promise<SessionRow> {
  const [session] = await db
    .select()
    .from(uploadSessions)
    .where(
      and(
        eq(uploadSessions.documentId, documentId),
        eq(uploadSessions.userId, owner.id),
        sql`${uploadSessions.expiresAt} > now()`,
      ),
    );
  if (!session) throw notFound(`No upload session ${documentId}`);
  return session;
}

/**
 * Checks a part before its bytes are read: its number exists, its announced length is exactly the
 * part's, and part 1 (which says what the file is) came first.
 */
export function checkPart(session: SessionRow, partNumber: number, contentLength: number | null): number {
  const count = partCount(session.size);
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > count)
    throw badRequest(`partNumber must be between 1 and ${count}`);
  const expected = partLength(session.size, partNumber);
  if (contentLength !== expected)
    throw badRequest(`Part ${partNumber} must be sent with Content-Length: ${expected}`, { expected });
  if (partNumber > 1 && !session.uploadId) throw conflict('Send part 1 first: it tells what the file is');
  return expected;
}

/**
 * Stores one part in R2 (bytes already read and counted). Part 1 decides the type (400 when it is not
 * an accepted one; 413 when the declared size is over that type's limit, which also ends the session)
 * and opens the R2 multipart upload. Sending a part again replaces it.
 */
export async function storePart(
  db: Database,
  bucket: R2Bucket,
  session: SessionRow,
  partNumber: number,
  bytes: Uint8Array,
): Promise<{ session: SessionRow; part: UploadedPart }> {
  let current = session;
  if (partNumber === 1) current = await openObject(db, bucket, session, bytes);
  const plan = planOf(current);
  const upload = bucket.resumeMultipartUpload(plan.key, current.uploadId!);
  const uploaded = await upload.uploadPart(partNumber, bytes);
  await db
    .insert(uploadParts)
    .values({ sessionId: current.id, partNumber, etag: uploaded.etag, bytes: bytes.length })
    .onConflictDoUpdate({
      target: [uploadParts.sessionId, uploadParts.partNumber],
      set: { etag: uploaded.etag, bytes: bytes.length, updatedAt: new Date() },
    });
  return { session: current, part: { partNumber, size: bytes.length } };
}

async function openObject(db: Database, bucket: R2Bucket, session: SessionRow, head: Uint8Array) {
  const plan = planObject(head, session.fileName, 0);
  if (session.size > plan.limit) {
    await endSession(db, bucket, session);
    throw fileTooLarge(plan, session.size);
  }
  if (session.uploadId) {
    if (session.mime !== plan.type.mime) throw conflict('Part 1 was already sent with other content');
    return session;
  }
  const dimensions = imageDimensions(plan, head, 0);
  const upload = await bucket.createMultipartUpload(plan.key, { httpMetadata: plan.httpMetadata });
  // Two first parts at once: one upload wins, the other is aborted and its part goes to the winner.
  const [opened] = await db
    .update(uploadSessions)
    .set({
      mime: plan.type.mime,
      hash: plan.hash,
      ext: plan.ext,
      key: plan.key,
      uploadId: upload.uploadId,
      width: dimensions?.width ?? null,
      height: dimensions?.height ?? null,
      updatedAt: new Date(),
    })
    .where(and(eq(uploadSessions.id, session.id), sql`${uploadSessions.uploadId} IS NULL`))
    .returning();
  if (opened) return opened;
  await upload.abort().catch(() => {});
  const [winner] = await db.select().from(uploadSessions).where(eq(uploadSessions.id, session.id));
  if (!winner) throw notFound(`No upload session ${session.documentId}`);
  return winner;
}

/**
 * Joins the parts into the object and records the file (the Strapi file object); every part must have
 * arrived. Two completions at once: the session row is locked, the second finds it gone.
 */
export async function completeUploadSession(
  db: Database,
  bucket: R2Bucket,
  owner: AuthUser,
  documentId: string,
  info: FileInfo,
): Promise<FileRow> {
  return db.transaction(async (tx) => {
    const session = await findSession(tx, owner, documentId);
    await tx
      .select({ id: uploadSessions.id })
      .from(uploadSessions)
      .where(eq(uploadSessions.id, session.id))
      .for('update');
    const parts = await partsOf(tx, session.id);
    const missing = missingParts(session, parts);
    if (!session.uploadId || missing.length)
      throw conflict(`Parts ${missing.join(', ')} have not arrived yet`, { missingParts: missing });
    const plan = planOf(session);
    await bucket
      .resumeMultipartUpload(plan.key, session.uploadId)
      .complete(parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })));
    const dimensions =
      session.width !== null && session.height !== null ? { width: session.width, height: session.height } : null;
    const record = fileRecord(
      plan,
      { alternativeText: session.alternativeText, caption: session.caption, ...info },
      session.size,
      dimensions,
    );
    const [file] = await recordUploads(tx, owner, [record]);
    await tx.delete(uploadSessions).where(eq(uploadSessions.id, session.id));
    return file!;
  });
}

/** The owner gives up: R2 drops the parts, the session is gone. */
export async function abortUploadSession(db: Database, bucket: R2Bucket, owner: AuthUser, documentId: string) {
  await endSession(db, bucket, await findSession(db, owner, documentId));
}

async function endSession(db: Database, bucket: R2Bucket, session: SessionRow): Promise<void> {
  if (session.uploadId && session.key)
    await bucket
      .resumeMultipartUpload(session.key, session.uploadId)
      .abort()
      .catch(() => {});
  await db.delete(uploadSessions).where(eq(uploadSessions.id, session.id));
}

async function sweepExpiredSessions(db: Database, bucket: R2Bucket): Promise<void> {
  const expired = await db
    .select()
    .from(uploadSessions)
    .where(lt(uploadSessions.expiresAt, sql`now()`))
    .orderBy(asc(uploadSessions.expiresAt))
    .limit(SWEEP_BATCH);
  for (const session of expired) await endSession(db, bucket, session);
}

function partsOf(db: Database, sessionId: number) {
  return db
    .select({ partNumber: uploadParts.partNumber, etag: uploadParts.etag, bytes: uploadParts.bytes })
    .from(uploadParts)
    .where(eq(uploadParts.sessionId, sessionId))
    .orderBy(asc(uploadParts.partNumber));
}

function missingParts(session: SessionRow, parts: { partNumber: number }[]): number[] {
  const have = new Set(parts.map((p) => p.partNumber));
  return Array.from({ length: partCount(session.size) }, (_, i) => i + 1).filter((n) => !have.has(n));
}

/** The stored object's plan, rebuilt from the session (part 1 decided it). */
function planOf(session: SessionRow): PlannedObject {
  const type = Object.values(MEDIA_TYPES).find((t) => t.mime === session.mime);
  if (!type || !session.key || !session.hash || session.ext === null)
    throw conflict('Send part 1 first: it tells what the file is');
  return {
    fileName: session.fileName,
    type,
    limit: SIZE_LIMITS[type.kind],
    hash: session.hash,
    ext: session.ext,
    key: session.key,
    httpMetadata: {},
  };
}

function present(session: SessionRow, parts: { partNumber: number; bytes: number }[]): UploadSession {
  return {
    documentId: session.documentId,
    name: session.fileName,
    size: session.size,
    partSize: PART_BYTES,
    partCount: partCount(session.size),
    mime: session.mime,
    receivedParts: parts.map((p) => p.partNumber),
    receivedBytes: parts.reduce((n, p) => n + p.bytes, 0),
    expiresAt: session.expiresAt.toISOString(),
  };
}
