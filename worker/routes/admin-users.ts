import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { ROLE_TYPES } from '../../db/schema/enums';
import type { AppEnv } from '../env';
import { parseWith, readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import {
  changeRole,
  createAccountAsAdmin,
  presentAdminUser,
  searchUsers,
  setBlocked,
  userDetail,
} from '../services/accounts/admin-users';
import { resetPassword } from '../services/accounts/password-reset';
import { deleteUserRecorded } from '../services/accounts/user-writes';
import { findVisibleUser } from '../services/accounts/users';
import { auditContext } from './audit-context';
import { newUserBody, passwordSchema } from './user-schemas';

/** /admin's account management: search with totals, create, roles, blocking, password resets, families. */
export const adminUserRoutes = new Hono<AppEnv>();

const searchQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLE_TYPES).optional(),
    blocked: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    sort: z
      .enum(['username', 'username:asc', 'username:desc', 'createdAt', 'createdAt:asc', 'createdAt:desc'])
      .default('username'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

/** The admin and the target account of a request under /:id (404 for an unknown account). */
async function target(c: Context<AppEnv>) {
  const scopes = authorize(c.var.user, 'accounts', 'update');
  const audit = auditContext(c, requireUser(c.var.user));
  const user = await findVisibleUser(await c.var.db(), audit.actor, scopes, c.req.param('id')!);
  return { audit, user };
}

adminUserRoutes.get('/', async (c) => {
  authorize(c.var.user, 'accounts', 'find');
  const { sort, ...search } = parseWith(searchQuery, c.req.query());
  const [field, direction = 'asc'] = sort.split(':') as ['username' | 'createdAt', 'asc' | 'desc' | undefined];
  return c.json(await searchUsers(await c.var.db(), requireUser(c.var.user), { ...search, sort: field, direction }));
});

// Any role; children need no e-mail. `mustChangePassword` makes the first sign-in choose a new password.
adminUserRoutes.post('/', async (c) => {
  const scopes = authorize(c.var.user, 'accounts', 'create');
  const audit = auditContext(c, requireUser(c.var.user));
  const { mustChangePassword, ...body } = await readJson(
    c,
    newUserBody.extend({ mustChangePassword: z.boolean().default(false) }).strict(),
  );
  const user = await createAccountAsAdmin(await c.var.db(), audit, scopes, body, mustChangePassword);
  return c.json({ data: presentAdminUser(user, audit.actor), meta: {} }, 201);
});

adminUserRoutes.get('/:id', async (c) => {
  const scopes = authorize(c.var.user, 'accounts', 'findOne');
  const audit = auditContext(c, requireUser(c.var.user));
  const db = await c.var.db();
  const user = await findVisibleUser(db, audit.actor, scopes, c.req.param('id'));
  return c.json({ data: await userDetail(db, audit, user), meta: {} });
});

adminUserRoutes.put('/:id/role', async (c) => {
  const { audit, user } = await target(c);
  const { data } = await readJson(c, z.object({ data: z.object({ role: z.enum(ROLE_TYPES) }).strict() }).strict());
  const changed = await changeRole(await c.var.db(), audit, user, data.role);
  return c.json({ data: presentAdminUser(changed, audit.actor), meta: {} });
});

adminUserRoutes.put('/:id/blocked', async (c) => {
  const { audit, user } = await target(c);
  const { data } = await readJson(c, z.object({ data: z.object({ blocked: z.boolean() }).strict() }).strict());
  const changed = await setBlocked(await c.var.db(), audit, user, data.blocked);
  return c.json({ data: presentAdminUser(changed, audit.actor), meta: {} });
});

// Without a password in the body, the server makes a readable one ("K7QF-9XA2-MP3T"), answered once.
adminUserRoutes.post('/:id/password-reset', async (c) => {
  const { audit, user } = await target(c);
  const { data } = await readJson(
    c,
    z.object({ data: z.object({ temporaryPassword: passwordSchema.optional() }).strict().default({}) }).strict(),
  );
  const reset = await resetPassword(await c.var.db(), audit, user, data.temporaryPassword);
  return c.json({
    data: { temporaryPassword: reset.temporaryPassword, user: presentAdminUser(reset.user, audit.actor) },
    meta: {},
  });
});

adminUserRoutes.delete('/:id', async (c) => {
  const { audit, user } = await target(c);
  await deleteUserRecorded(await c.var.db(), audit, user);
  return c.body(null, 204);
});
