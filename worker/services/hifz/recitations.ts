import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import {
  guardianLinks,
  hifzMistakes,
  hifzPlans,
  hifzRecitationParts,
  hifzRecitations,
  userProfiles,
  users,
} from '../../../db/schema';
import type { HifzRecitation, HifzRecitationInput } from '../../contract/hifz';
import type { AuthUser } from '../../env';
import { badRequest, conflict, notFound } from '../../lib/errors';
import { recordActivity, type AuditContext } from '../audit/activity-log';
import { PART_BYTES } from '../media/object-writer';
import { sniffMediaType, SNIFF_BYTES } from '../media/sniff-mime';
import { personRef, personTables, studentRef, type HifzStudent } from './access';
import { recordHifzEvents } from './hifz-statements';
import { rangeOf } from './plan-records';
import type { QuranIndex } from './quran-index';
import { formatRange, parseAyahRange } from './ranges';
import { presentMistake } from './session-records';
import { parseWordRef } from './word-refs';

type RecitationRow = typeof hifzRecitations.$inferSelect;

export const recitationPartCount = (size: number) => Math.ceil(size / PART_BYTES);
export const recitationPartLength = (size: number, part: number) =>
  part < recitationPartCount(size) ? PART_BYTES : size - (recitationPartCount(size) - 1) * PART_BYTES;

/**
 * The audio type the bytes really are (the phone's claim is not trusted). MediaRecorder gives Opus in WebM
 * (Chrome, Firefox) or Ogg, or AAC in MP4 (Safari); the container sniffs as video for WebM and MP4, but a
 * recitation is audio, so it is stored and served as such.
 */
export function recitationAudioType(head: Uint8Array): string | null {
  const sniffed = sniffMediaType(head);
  switch (sniffed?.mime) {
    case 'video/webm':
      return 'audio/webm';
    case 'video/mp4':
    case 'audio/mp4':
      return 'audio/mp4';
    case 'audio/ogg':
    case 'audio/mpeg':
    case 'audio/wav':
      return sniffed.mime;
    default:
      return null;
  }
}

const ACCEPTED = 'Opus in WebM or Ogg, AAC in MP4, MP3 or WAV audio';

/**
 * Starts a recitation's upload, or answers the one already started with the same device id (an outbox
 * resend after the app was closed), so a recording is stored once however often the phone retries.
 */
export async function startRecitation(
  db: Database,
  bucket: R2Bucket,
  index: QuranIndex,
  student: HifzStudent,
  input: HifzRecitationInput,
): Promise<HifzRecitation> {
  const range = parseAyahRange(index, input.range, ['range']);
  const existing = await findByClientId(db, student.id, input.clientId);
  if (existing) return sameRecording(db, index, student, existing, input, range);

  const documentKey = crypto.randomUUID();
  const key = `recitations/${student.documentId}/${documentKey}`;
  const upload = await bucket.createMultipartUpload(key, {
    httpMetadata: { contentType: input.mime.split(';')[0]!.trim().toLowerCase() },
  });
  const [created] = await db
    .insert(hifzRecitations)
    .values({
      clientId: input.clientId,
      studentId: student.id,
      kind: input.kind ?? null,
      fromAyahId: range.from,
      toAyahId: range.to,
      r2Key: key,
      uploadId: upload.uploadId,
      mime: input.mime.split(';')[0]!.trim().toLowerCase().slice(0, 64),
      sizeBytes: input.size,
      durationMs: input.durationMs ?? null,
      recordedAt: new Date(input.recordedAt),
    })
    .onConflictDoNothing({ target: [hifzRecitations.studentId, hifzRecitations.clientId] })
    .returning();
  if (!created) {
    // The same recording started twice at once: the other request's row wins, ours is dropped.
    await upload.abort().catch(() => {});
    const winner = await findByClientId(db, student.id, input.clientId);
    if (!winner) throw conflict('The recording could not be started; send it again');
    return sameRecording(db, index, student, winner, input, range);
  }
  return (await loadRecitations(db, index, eq(hifzRecitations.id, created.id)))[0]!;
}

async function sameRecording(
  db: Database,
  index: QuranIndex,
  student: HifzStudent,
  row: RecitationRow,
  input: HifzRecitationInput,
  range: { from: number; to: number },
): Promise<HifzRecitation> {
  if (row.sizeBytes !== input.size || row.fromAyahId !== range.from || row.toAyahId !== range.to)
    throw conflict('This recording id is already used for another recording');
  return (await loadRecitations(db, index, eq(hifzRecitations.id, row.id)))[0]!;
}

async function findByClientId(db: Database, studentId: number, clientId: string) {
  const [row] = await db
    .select()
    .from(hifzRecitations)
    .where(and(eq(hifzRecitations.studentId, studentId), eq(hifzRecitations.clientId, clientId)));
  return row ?? null;
}

/** The recitation `documentId` as its student may write it (only while uploading). */
export async function ownUpload(db: Database, student: { id: number }, documentId: string): Promise<RecitationRow> {
  const [row] = await db
    .select()
    .from(hifzRecitations)
    .where(and(eq(hifzRecitations.documentId, documentId), eq(hifzRecitations.studentId, student.id)));
  if (!row) throw notFound('No such recitation');
  return row;
}

/** The length part `partNumber` must have; anything else is refused before a byte is read. */
export function expectedPartLength(row: RecitationRow, partNumber: number, announced: number | null): number {
  if (row.status !== 'uploading') throw conflict('This recording is already uploaded');
  const parts = recitationPartCount(row.sizeBytes!);
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > parts)
    throw badRequest(`Part ${partNumber} does not exist: this recording has ${parts} part(s)`);
  const length = recitationPartLength(row.sizeBytes!, partNumber);
  if (announced !== null && announced !== length)
    throw badRequest(`Part ${partNumber} must have ${length} bytes, not ${announced}`);
  return length;
}

/** Stores one part (a part sent again replaces it). Part 1 must be audio. */
export async function storeRecitationPart(
  db: Database,
  bucket: R2Bucket,
  row: RecitationRow,
  partNumber: number,
  bytes: Uint8Array,
): Promise<{ partNumber: number; size: number }> {
  if (partNumber === 1) {
    const mime = recitationAudioType(bytes.subarray(0, SNIFF_BYTES));
    if (!mime) throw badRequest(`A recitation must be audio: ${ACCEPTED}`);
  }
  const uploaded = await bucket.resumeMultipartUpload(row.r2Key, row.uploadId!).uploadPart(partNumber, bytes);
  await db
    .insert(hifzRecitationParts)
    .values({ recitationId: row.id, partNumber, etag: uploaded.etag, bytes: bytes.length })
    .onConflictDoUpdate({
      target: [hifzRecitationParts.recitationId, hifzRecitationParts.partNumber],
      set: { etag: uploaded.etag, bytes: bytes.length, updatedAt: new Date() },
    });
  return { partNumber, size: bytes.length };
}

/** Joins the parts into the recording: it is then the teacher's to hear. Completing twice is harmless. */
export async function completeRecitation(
  db: Database,
  bucket: R2Bucket,
  index: QuranIndex,
  audit: AuditContext,
  student: HifzStudent,
  documentId: string,
): Promise<HifzRecitation> {
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(hifzRecitations)
      .where(and(eq(hifzRecitations.documentId, documentId), eq(hifzRecitations.studentId, student.id)))
      .for('update');
    if (!row) throw notFound('No such recitation');
    if (row.status !== 'uploading') return row.id;
    const parts = await tx
      .select()
      .from(hifzRecitationParts)
      .where(eq(hifzRecitationParts.recitationId, row.id))
      .orderBy(asc(hifzRecitationParts.partNumber));
    const expected = recitationPartCount(row.sizeBytes!);
    const have = new Set(parts.map((p) => p.partNumber));
    const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((n) => !have.has(n));
    if (missing.length) throw conflict(`Parts ${missing.join(', ')} have not arrived yet`, { missingParts: missing });
    await bucket
      .resumeMultipartUpload(row.r2Key, row.uploadId!)
      .complete(parts.map((p) => ({ partNumber: p.partNumber, etag: p.etag })));
    await tx
      .update(hifzRecitations)
      .set({ status: 'submitted', uploadId: null, updatedAt: new Date() })
      .where(eq(hifzRecitations.id, row.id));
    await tx.delete(hifzRecitationParts).where(eq(hifzRecitationParts.recitationId, row.id));
    await recordActivity(tx, audit, {
      action: 'upload',
      entityType: 'hifzRecitations',
      entityDocumentId: row.documentId,
      summary: `Recitation of ${formatRange(index, { from: row.fromAyahId, to: row.toAyahId })} by ${student.username}`,
    });
    return row.id;
  });
  return (await loadRecitations(db, index, eq(hifzRecitations.id, id)))[0]!;
}

/**
 * The teacher's grade of a recitation, with mistakes tapped on its words (each within the range recited),
 * and an xAPI statement with the range as its object. Grading again replaces grade and note and adds the
 * mistakes not yet stored (their device ids make a resend harmless).
 */
export async function gradeRecitation(
  db: Database,
  index: QuranIndex,
  audit: AuditContext,
  origin: string,
  student: HifzStudent,
  row: RecitationRow,
  input: {
    grade: HifzRecitation['grade'] & string;
    note?: string | null;
    mistakes: {
      clientId: string;
      at: string;
      type: HifzRecitation['mistakes'][number]['type'];
      note?: string | null;
    }[];
  },
): Promise<HifzRecitation> {
  if (row.status === 'uploading') throw conflict('The recording has not finished uploading');
  const mistakes = input.mistakes.map((m, i) => {
    const at = parseWordRef(index, m.at, ['mistakes', i, 'at']);
    if (at.ayahId < row.fromAyahId || at.ayahId > row.toAyahId)
      throw badRequest(`The mistake at ${m.at} is outside the range recited`, {
        errors: [{ path: ['mistakes', i, 'at'], message: 'Outside the range recited', name: 'ValidationError' }],
      });
    return { clientId: m.clientId, ayahId: at.ayahId, word: at.word, type: m.type, note: m.note ?? null };
  });
  await db.transaction(async (tx) => {
    await tx
      .update(hifzRecitations)
      .set({
        status: 'graded',
        grade: input.grade,
        note: input.note ?? null,
        gradedById: audit.actor.id,
        gradedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(hifzRecitations.id, row.id));
    if (mistakes.length)
      await tx
        .insert(hifzMistakes)
        .values(mistakes.map((m) => ({ ...m, recitationId: row.id, studentId: student.id })))
        .onConflictDoNothing({
          target: [hifzMistakes.recitationId, hifzMistakes.clientId],
          where: sql`recitation_id IS NOT NULL`,
        });
    const range = { from: row.fromAyahId, to: row.toAyahId };
    await recordActivity(tx, audit, {
      action: 'grade',
      entityType: 'hifzRecitations',
      entityDocumentId: row.documentId,
      summary: `Recitation of ${formatRange(index, range)} by ${student.username}: ${input.grade.replace('_', ' ')}, ${mistakes.length} mistake(s)`,
    });
    await recordHifzEvents(
      tx,
      student,
      origin,
      new Date(),
      [{ kind: 'recited', check: row.kind ?? 'sabaq', range, grade: input.grade }],
      index,
    );
  });
  return (await loadRecitations(db, index, eq(hifzRecitations.id, row.id)))[0]!;
}

/** Deletes the recording and its marks (a parent's or an admin's choice: it is a child's voice). */
export async function deleteRecitation(
  db: Database,
  bucket: R2Bucket,
  index: QuranIndex,
  audit: AuditContext,
  student: HifzStudent,
  row: RecitationRow,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(hifzRecitations).where(eq(hifzRecitations.id, row.id));
    await recordActivity(tx, audit, {
      action: 'delete',
      entityType: 'hifzRecitations',
      entityDocumentId: row.documentId,
      summary: `Recitation of ${formatRange(index, { from: row.fromAyahId, to: row.toAyahId })} by ${student.username} deleted`,
    });
  });
  // After the row is gone nobody can reach the audio; a failure here leaves an orphan, never a dangling link.
  if (row.uploadId)
    await bucket
      .resumeMultipartUpload(row.r2Key, row.uploadId)
      .abort()
      .catch(() => {});
  else await bucket.delete(row.r2Key).catch(() => {});
}

/** A recitation and its student's documentId (whose records decide who may reach it). */
export async function findRecitation(
  db: Database,
  documentId: string,
): Promise<{ row: RecitationRow; studentDocumentId: string }> {
  const [found] = await db
    .select({ row: hifzRecitations, studentDocumentId: users.documentId })
    .from(hifzRecitations)
    .innerJoin(users, eq(users.id, hifzRecitations.studentId))
    .where(eq(hifzRecitations.documentId, documentId));
  if (!found) throw notFound('No such recitation');
  return found;
}

/** The recitations a caller may list without naming a student: teachers their hifz students', parents their children's. */
export function visibleRecitations(db: Database, viewer: AuthUser): SQL | undefined {
  switch (viewer.role) {
    case 'admin':
      return undefined;
    case 'teacher':
      return inArray(
        hifzRecitations.studentId,
        db.select({ id: hifzPlans.studentId }).from(hifzPlans).where(eq(hifzPlans.teacherId, viewer.id)),
      );
    case 'parent':
      return inArray(
        hifzRecitations.studentId,
        db.select({ id: guardianLinks.childId }).from(guardianLinks).where(eq(guardianLinks.parentId, viewer.id)),
      );
    default:
      return eq(hifzRecitations.studentId, viewer.id);
  }
}

const student = alias(users, 'student');
const studentProfile = alias(userProfiles, 'student_profile');
const graderPerson = personTables('grader');

/** Recitations matching `where`, newest first, with their student, grader, mistakes and upload state. */
export async function loadRecitations(
  db: Database,
  index: QuranIndex,
  where: SQL | undefined,
  limit = 50,
): Promise<HifzRecitation[]> {
  const rows = await db
    .select({
      r: hifzRecitations,
      student: { documentId: student.documentId, username: student.username, fullName: studentProfile.fullName },
      grader: graderPerson.columns,
      parts: sql<
        number[]
      >`COALESCE((SELECT array_agg(p.part_number ORDER BY p.part_number) FROM ${hifzRecitationParts} p WHERE p.recitation_id = ${hifzRecitations.id}), '{}')`,
      mistakes: sql<
        { clientId: string; ayahId: number; word: number | null; type: 'forgotten_word'; note: string | null }[]
      >`COALESCE((SELECT json_agg(json_build_object('clientId', m.client_id, 'ayahId', m.ayah_id, 'word', m.word, 'type', m.type, 'note', m.note) ORDER BY m.ayah_id, m.word NULLS FIRST, m.id) FROM ${hifzMistakes} m WHERE m.recitation_id = ${hifzRecitations.id}), '[]'::json)`,
    })
    .from(hifzRecitations)
    .innerJoin(student, eq(student.id, hifzRecitations.studentId))
    .leftJoin(studentProfile, eq(studentProfile.userId, student.id))
    .leftJoin(graderPerson.user, eq(graderPerson.user.id, hifzRecitations.gradedById))
    .leftJoin(graderPerson.profile, ...graderPerson.join)
    .where(where)
    .orderBy(desc(hifzRecitations.recordedAt), desc(hifzRecitations.id))
    .limit(limit);
  return rows.map(({ r, student, grader, parts, mistakes }) => ({
    documentId: r.documentId,
    clientId: r.clientId,
    student: studentRef({ documentId: student.documentId, username: student.username, fullName: student.fullName }),
    kind: r.kind,
    range: rangeOf(index, { from: r.fromAyahId, to: r.toAyahId }),
    mime: r.mime,
    size: r.sizeBytes,
    durationMs: r.durationMs,
    status: r.status,
    recordedAt: r.recordedAt.toISOString(),
    grade: r.grade,
    gradedBy: personRef(grader),
    gradedAt: r.gradedAt?.toISOString() ?? null,
    note: r.note,
    mistakes: mistakes.map((m) => presentMistake(index, m)),
    upload:
      r.status === 'uploading'
        ? { partBytes: PART_BYTES, parts: recitationPartCount(r.sizeBytes!), received: parts.map(Number) }
        : null,
    audioUrl: null,
  }));
}
