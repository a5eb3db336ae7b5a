import { Hono } from 'hono';
import { z } from 'zod';
import { readExactly } from '../lib/read-exactly';
import type { AppEnv } from '../env';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { presentFile } from '../services/media/file-records';
import { mediaBucket } from '../services/media/store';
import {
  abortUploadSession,
  checkPart,
  completeUploadSession,
  describeUploadSession,
  findSession,
  startUploadSession,
  storePart,
} from '../services/media/upload-sessions';

/**
 * Resumable uploads, for files sent from a phone on a patchy connection: start a session, PUT its parts
 * by number (in any order after part 1; a part sent again replaces it), ask which parts arrived, then
 * complete (or abort). Same permission as POST /api/upload; a session is only its owner's.
 */
export const uploadSessionRoutes = new Hono<AppEnv>();

const startBody = z.object({
  data: z
    .object({
      name: z.string().trim().min(1).max(255),
      size: z.number().int().positive(),
      alternativeText: z.string().max(10_000).nullish(),
      caption: z.string().max(10_000).nullish(),
    })
    .strict(),
});

const completeBody = z.object({
  data: z
    .object({
      name: z.string().trim().min(1).max(255).optional(),
      alternativeText: z.string().max(10_000).nullish(),
      caption: z.string().max(10_000).nullish(),
    })
    .strict()
    .default({}),
});

uploadSessionRoutes.post('/', async (c) => {
  authorize(c.var.user, 'upload', 'create');
  const owner = requireUser(c.var.user);
  const { data } = await readJson(c, startBody);
  const { name, ...file } = data;
  const session = await startUploadSession(await c.var.db(), mediaBucket(c.env), owner, { ...file, fileName: name });
  return c.json({ data: session }, 201);
});

uploadSessionRoutes.get('/:documentId', async (c) => {
  authorize(c.var.user, 'upload', 'create');
  const owner = requireUser(c.var.user);
  return c.json({ data: await describeUploadSession(await c.var.db(), owner, c.req.param('documentId')) });
});

uploadSessionRoutes.put('/:documentId/parts/:partNumber', async (c) => {
  authorize(c.var.user, 'upload', 'create');
  const owner = requireUser(c.var.user);
  const partNumber = Number(c.req.param('partNumber'));
  const announced = c.req.header('content-length');
  const session = await findSession(await c.var.db(), owner, c.req.param('documentId'));
  const length = checkPart(session, partNumber, announced === undefined ? null : Number(announced));
  // A part takes a while to arrive from a phone; the request holds no database connection meanwhile.
  const bytes = await readExactly(c.req.raw.body, length);
  const { part } = await storePart(await c.var.db(), mediaBucket(c.env), session, partNumber, bytes);
  return c.json({ data: part });
});

uploadSessionRoutes.post('/:documentId/complete', async (c) => {
  authorize(c.var.user, 'upload', 'create');
  const owner = requireUser(c.var.user);
  const { data } = await readJson(c, completeBody);
  const file = await completeUploadSession(
    await c.var.db(),
    mediaBucket(c.env),
    owner,
    c.req.param('documentId'),
    data,
  );
  return c.json(presentFile(file), 201);
});

uploadSessionRoutes.delete('/:documentId', async (c) => {
  authorize(c.var.user, 'upload', 'create');
  const owner = requireUser(c.var.user);
  await abortUploadSession(await c.var.db(), mediaBucket(c.env), owner, c.req.param('documentId'));
  return c.body(null, 204);
});
