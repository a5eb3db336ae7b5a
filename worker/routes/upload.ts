import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { forbidden } from '../lib/errors';
import { parseWith } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import {
  deleteFile,
  findFile,
  listFiles,
  mayDeleteFile,
  presentFile,
  recordUploads,
} from '../services/media/file-records';
import { prepareUpload, type PreparedUpload } from '../services/media/prepare-upload';
import { deleteQuietly, mediaBucket, putAll } from '../services/media/store';
import { readUploadForm } from './upload-form';

/** Strapi v5's upload plugin: `POST /api/upload` and `/api/upload/files`, answering bare objects and arrays. */
export const uploadRoutes = new Hono<AppEnv>();

const listQuery = z.object({
  'pagination[page]': z.coerce.number().int().min(1).default(1),
  'pagination[pageSize]': z.coerce.number().int().min(1).max(100).default(25),
});

uploadRoutes.post('/', async (c) => {
  authorize(c.var.user, 'upload', 'create');
  const uploader = requireUser(c.var.user);
  const { files, infos } = await readUploadForm(c);
  // Every file is checked before any is stored: one refused file refuses the whole upload.
  const uploads: PreparedUpload[] = [];
  for (const [index, file] of files.entries()) uploads.push(await prepareUpload(file, infos[index] ?? {}, index));

  const bucket = mediaBucket(c.env);
  await putAll(bucket, uploads);
  try {
    const rows = await recordUploads(
      await c.var.db(),
      uploader,
      uploads.map((u) => u.record),
    );
    return c.json(rows.map(presentFile), 201);
  } catch (error) {
    await deleteQuietly(
      bucket,
      uploads.map((u) => u.key),
    );
    throw error;
  }
});

uploadRoutes.get('/files', async (c) => {
  const scopes = authorize(c.var.user, 'upload', 'find');
  const query = parseWith(listQuery.loose(), c.req.query());
  const page = { page: query['pagination[page]'], pageSize: query['pagination[pageSize]'] };
  const rows = await listFiles(await c.var.db(), c.var.user, scopes, page);
  return c.json(rows.map(presentFile));
});

uploadRoutes.get('/files/:id', async (c) => {
  const scopes = authorize(c.var.user, 'upload', 'findOne');
  const file = await findFile(await c.var.db(), c.var.user, scopes, c.req.param('id'));
  return c.json(presentFile(file));
});

uploadRoutes.delete('/files/:id', async (c) => {
  const deleteScopes = authorize(c.var.user, 'upload', 'delete');
  const actor = requireUser(c.var.user);
  const db = await c.var.db();
  const file = await findFile(db, actor, authorize(actor, 'upload', 'findOne'), c.req.param('id'));
  if (!mayDeleteFile(actor, deleteScopes, file)) throw forbidden('You may only delete the files you uploaded');
  await deleteFile(db, mediaBucket(c.env), file);
  return c.json(presentFile(file));
});
