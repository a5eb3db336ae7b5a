import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { parseWith } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import { findFile, listFiles, presentFile } from '../services/media/file-records';
import { mediaBucket } from '../services/media/store';
import { receiveUpload } from '../services/media/receive-upload';
import { deleteFileAs, recordReceivedUpload } from '../services/media/uploads';
import { auditContext } from './audit-context';
import { uploadFormBody } from './upload-form';
import { uploadSessionRoutes } from './upload-sessions';

/** Strapi v5's upload plugin: `POST /api/upload` and `/api/upload/files`, answering bare objects and arrays. */
export const uploadRoutes = new Hono<AppEnv>();

const listQuery = z.object({
  'pagination[page]': z.coerce.number().int().min(1).default(1),
  'pagination[pageSize]': z.coerce.number().int().min(1).max(100).default(25),
});

uploadRoutes.post('/', async (c) => {
  authorize(c.var.user, 'upload', 'create');
  const uploader = requireUser(c.var.user);
  const { body, boundary } = uploadFormBody(c);
  const bucket = mediaBucket(c.env);
  // The files may take minutes to arrive from a phone; the request holds no database connection meanwhile.
  const upload = await receiveUpload(bucket, body, boundary);
  const rows = await recordReceivedUpload(await c.var.db(), bucket, auditContext(c, uploader), upload);
  return c.json(rows.map(presentFile), 201);
});

uploadRoutes.route('/sessions', uploadSessionRoutes);

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
  const audit = auditContext(c, actor);
  const file = await deleteFileAs(await c.var.db(), mediaBucket(c.env), audit, deleteScopes, c.req.param('id'));
  return c.json(presentFile(file));
});
