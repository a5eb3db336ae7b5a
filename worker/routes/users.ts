import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { authorize, requireUser } from '../policy/authorize';
import { readJson, parseWith } from '../lib/validation';
import { findUserById, presentUser } from '../services/accounts/user-records';
import { findVisibleUser, listUsers } from '../services/accounts/users';
import { createUserRecorded, deleteUserRecorded, updateUserRecorded } from '../services/accounts/user-writes';
import { notFound } from '../lib/errors';
import { limitClient } from '../middleware/client-rate-limit';
import { auditContext } from './audit-context';
import { keyText } from '../lib/document-keys';
import { newUserBody, updateUserBody } from './user-schemas';

// Strapi's users-permissions answers these routes with bare users, not the { data, meta } envelope.
export const userRoutes = new Hono<AppEnv>();

const userParams = z.object({ id: keyText });
const userKeyOf = (c: Context<AppEnv>) => parseWith(userParams, c.req.param()).id;

const listQuery = z.object({
  start: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

userRoutes.get('/me', async (c) => {
  const viewer = requireUser(c.var.user);
  const user = await findUserById(await c.var.db(), viewer.id);
  if (!user) throw notFound('User not found');
  return c.json(presentUser(user, viewer));
});

userRoutes.get('/', async (c) => {
  const scopes = authorize(c.var.user, 'users', 'find');
  const viewer = requireUser(c.var.user);
  const page = parseWith(listQuery, c.req.query());
  const rows = await listUsers(await c.var.db(), viewer, scopes, page);
  return c.json(rows.map((row) => presentUser(row, viewer)));
});

userRoutes.get('/:id', async (c) => {
  const scopes = authorize(c.var.user, 'users', 'findOne');
  const viewer = requireUser(c.var.user);
  const user = await findVisibleUser(await c.var.db(), viewer, scopes, userKeyOf(c));
  return c.json(presentUser(user, viewer));
});

userRoutes.post('/', async (c) => {
  const scopes = authorize(c.var.user, 'users', 'create');
  const actor = requireUser(c.var.user);
  const body = await readJson(c, newUserBody);
  const user = await createUserRecorded(await c.var.db(), auditContext(c, actor), scopes, body);
  return c.json(presentUser(user, actor), 201);
});

userRoutes.put('/:id', async (c) => {
  const scopes = authorize(c.var.user, 'users', 'update');
  const actor = requireUser(c.var.user);
  const changes = await readJson(c, updateUserBody);
  if (changes.password !== undefined) await limitClient(c, 'ACCOUNT_LIMITER', 'password');
  const db = await c.var.db();
  const target = await findVisibleUser(db, actor, scopes, userKeyOf(c));
  const user = await updateUserRecorded(db, auditContext(c, actor), target, changes);
  return c.json(presentUser(user, actor));
});

userRoutes.delete('/:id', async (c) => {
  const scopes = authorize(c.var.user, 'users', 'delete');
  const actor = requireUser(c.var.user);
  const db = await c.var.db();
  const target = await findVisibleUser(db, actor, scopes, userKeyOf(c));
  await deleteUserRecorded(db, auditContext(c, actor), target);
  return c.json(presentUser(target, actor));
});
