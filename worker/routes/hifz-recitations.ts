import { Hono, type Context } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppEnv, AuthUser } from '../env';
import { hifzRecitations } from '../../db/schema';
import { hifzRecitationBody, hifzRecitationGradeBody, type HifzRecitation } from '../contract/hifz';
import { notFound } from '../lib/errors';
import { readExactly } from '../lib/read-exactly';
import { noFieldsBody, parseWith, readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { hifzStudentFor, type HifzIntent } from '../services/hifz/access';
import { audioToken, audioTokenValid } from '../services/hifz/audio-links';
import { loadQuranIndex } from '../services/hifz/quran-tables';
import {
  completeRecitation,
  deleteRecitation,
  expectedPartLength,
  findRecitation,
  gradeRecitation,
  loadRecitations,
  ownUpload,
  startRecitation,
  storeRecitationPart,
  visibleRecitations,
} from '../services/hifz/recitations';
import { contentRange, parseRange } from '../services/media/http-ranges';
import { mediaBucket } from '../services/media/store';
import type { Database } from '../../db/client';
import { auditContext } from './audit-context';

/**
 * Recitations a student records at home: started with the phone's id for the recording (a resend answers
 * the same one), sent in parts that can be resent, completed, then heard and graded by the teacher. The
 * audio is a child's voice: reachable only through a signed, expiring link handed to those who may read it.
 */
export const hifzRecitationRoutes = new Hono<AppEnv>();

const listQuery = z
  .object({
    student: z.string().min(1).max(24).optional(),
    status: z.enum(['uploading', 'submitted', 'graded']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

/** Answers with links to the audio, signed for the caller's eyes only. */
async function withAudio(c: Context<AppEnv>, recitations: HifzRecitation[]): Promise<HifzRecitation[]> {
  return Promise.all(
    recitations.map(async (r) =>
      r.status === 'uploading'
        ? r
        : {
            ...r,
            audioUrl: `${c.var.origin}/api/hifz/recitations/${r.documentId}/audio?token=${await audioToken(c.env.JWT_SECRET, r.documentId)}`,
          },
    ),
  );
}

/** The recitation and its student, when the caller may act on it with `intent`; else 404. */
async function reachable(db: Database, viewer: AuthUser, documentId: string, intent: HifzIntent) {
  const { row, studentDocumentId } = await findRecitation(db, documentId);
  const student = await hifzStudentFor(db, viewer, studentDocumentId, intent).catch((error: unknown) => {
    throw error instanceof Error && 'status' in error && error.status === 403 && intent === 'read'
      ? notFound('No such recitation')
      : error;
  });
  return { row, student };
}

hifzRecitationRoutes.post('/', async (c) => {
  authorize(c.var.user, 'hifzRecitations', 'create');
  const actor = requireUser(c.var.user);
  const { data } = await readJson(c, hifzRecitationBody);
  const db = await c.var.db();
  const student = await hifzStudentFor(db, actor, actor.documentId, 'read');
  const recitation = await startRecitation(db, mediaBucket(c.env), await loadQuranIndex(db), student, data);
  return c.json({ data: (await withAudio(c, [recitation]))[0], meta: {} }, 201);
});

hifzRecitationRoutes.put('/:documentId/parts/:part', async (c) => {
  authorize(c.var.user, 'hifzRecitations', 'create');
  const actor = requireUser(c.var.user);
  const partNumber = Number(c.req.param('part'));
  const announced = c.req.header('content-length');
  const row = await ownUpload(await c.var.db(), actor, c.req.param('documentId'));
  const length = expectedPartLength(row, partNumber, announced === undefined ? null : Number(announced));
  // The part arrives slowly from a phone: no database connection is held while it does.
  const bytes = await readExactly(c.req.raw.body, length);
  const part = await storeRecitationPart(await c.var.db(), mediaBucket(c.env), row, partNumber, bytes);
  return c.json({ data: part, meta: {} });
});

hifzRecitationRoutes.post('/:documentId/complete', async (c) => {
  authorize(c.var.user, 'hifzRecitations', 'create');
  const actor = requireUser(c.var.user);
  await readJson(c, noFieldsBody);
  const db = await c.var.db();
  const student = await hifzStudentFor(db, actor, actor.documentId, 'read');
  const index = await loadQuranIndex(db);
  const done = await completeRecitation(
    db,
    mediaBucket(c.env),
    index,
    auditContext(c, actor),
    student,
    c.req.param('documentId'),
  );
  return c.json({ data: (await withAudio(c, [done]))[0], meta: {} });
});

hifzRecitationRoutes.get('/', async (c) => {
  authorize(c.var.user, 'hifzRecitations', 'find');
  const viewer = requireUser(c.var.user);
  const { student: studentKey, status, limit } = parseWith(listQuery, c.req.query());
  const db = await c.var.db();
  const index = await loadQuranIndex(db);
  const byStatus = status ? eq(hifzRecitations.status, status) : undefined;
  const scope = studentKey
    ? eq(hifzRecitations.studentId, (await hifzStudentFor(db, viewer, studentKey, 'read')).id)
    : visibleRecitations(db, viewer);
  const recitations = await loadRecitations(db, index, and(scope, byStatus), limit);
  return c.json({ data: await withAudio(c, recitations), meta: { pagination: { limit, count: recitations.length } } });
});

hifzRecitationRoutes.get('/:documentId', async (c) => {
  authorize(c.var.user, 'hifzRecitations', 'findOne');
  const db = await c.var.db();
  const { row } = await reachable(db, requireUser(c.var.user), c.req.param('documentId'), 'read');
  const [recitation] = await loadRecitations(db, await loadQuranIndex(db), eq(hifzRecitations.id, row.id));
  return c.json({ data: (await withAudio(c, [recitation!]))[0], meta: {} });
});

hifzRecitationRoutes.post('/:documentId/grade', async (c) => {
  authorize(c.var.user, 'hifzRecitations', 'update');
  const actor = requireUser(c.var.user);
  const { data } = await readJson(c, hifzRecitationGradeBody);
  const db = await c.var.db();
  const { row, student } = await reachable(db, actor, c.req.param('documentId'), 'hear');
  const index = await loadQuranIndex(db);
  const graded = await gradeRecitation(db, index, auditContext(c, actor), c.var.origin, student, row, data);
  return c.json({ data: (await withAudio(c, [graded]))[0], meta: {} });
});

hifzRecitationRoutes.delete('/:documentId', async (c) => {
  authorize(c.var.user, 'hifzRecitations', 'delete');
  const actor = requireUser(c.var.user);
  const db = await c.var.db();
  // Parents delete their children's recordings, admins any: "read" reaches exactly those for these roles.
  const { row, student } = await reachable(db, actor, c.req.param('documentId'), 'read');
  await deleteRecitation(db, mediaBucket(c.env), await loadQuranIndex(db), auditContext(c, actor), student, row);
  return c.body(null, 204);
});

/**
 * The audio itself, by signed link (an <audio> element sends no bearer token). Private and never stored by a
 * shared cache; Range requests so the teacher can replay an ayah.
 */
hifzRecitationRoutes.get('/:documentId/audio', async (c) => {
  const documentId = c.req.param('documentId');
  if (!(await audioTokenValid(c.env.JWT_SECRET, documentId, c.req.query('token'))))
    throw notFound('This link to the recording has expired or is wrong');
  const { row } = await findRecitation(await c.var.db(), documentId);
  if (row.status === 'uploading') throw notFound('The recording has not finished uploading');
  const bucket = mediaBucket(c.env);
  const head = await bucket.head(row.r2Key);
  if (!head) throw notFound('The recording is gone');
  const headers = new Headers({
    'Content-Type': row.mime,
    'Cache-Control': 'private, no-store',
    'Accept-Ranges': 'bytes',
    ETag: head.httpEtag,
  });
  const range = parseRange(c.req.header('range'), head.size);
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${head.size}`);
    return new Response(null, { status: 416, headers });
  }
  const object = await bucket.get(
    row.r2Key,
    range.kind === 'part' ? { range: { offset: range.offset, length: range.length } } : {},
  );
  if (!object) throw notFound('The recording is gone');
  if (range.kind === 'part') headers.set('Content-Range', contentRange(range, head.size));
  headers.set('Content-Length', String(range.kind === 'part' ? range.length : head.size));
  return new Response(c.req.method === 'HEAD' ? null : object.body, {
    status: range.kind === 'part' ? 206 : 200,
    headers,
  });
});
