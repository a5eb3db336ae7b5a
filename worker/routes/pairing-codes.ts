import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { parseWith, readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import {
  createPairingCode,
  listOpenPairingCodes,
  redeemPairingCode,
  revokePairingCode,
} from '../services/accounts/pairing-codes';
import { listPairableStudents } from '../services/accounts/pairable-students';
import { presentUser } from '../services/accounts/user-records';
import { auditContext } from './audit-context';

/** One-time codes that link a parent to a child: issued by the child's teacher or an admin, redeemed by a parent. */
export const pairingCodeRoutes = new Hono<AppEnv>();

const userKey = z.union([z.number().int().positive(), z.string().min(1).max(24)]).transform(String);
const issueBody = z.object({ data: z.object({ child: userKey }).strict() }).strict();
const redeemBody = z.object({ data: z.object({ code: z.string().trim().min(1).max(32) }).strict() }).strict();
const listQuery = z.object({ child: z.string().min(1).max(24).optional() }).strict();
const studentsQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

pairingCodeRoutes.post('/', async (c) => {
  const scopes = authorize(c.var.user, 'pairingCodes', 'create');
  const audit = auditContext(c, requireUser(c.var.user));
  const { data } = await readJson(c, issueBody);
  return c.json(
    { data: await createPairingCode(await c.var.db(), audit, scopes, data.child, c.env.JWT_SECRET), meta: {} },
    201,
  );
});

pairingCodeRoutes.get('/', async (c) => {
  const scopes = authorize(c.var.user, 'pairingCodes', 'find');
  const { child } = parseWith(listQuery, c.req.query());
  const codes = await listOpenPairingCodes(await c.var.db(), auditContext(c, requireUser(c.var.user)), scopes, child);
  return c.json({ data: codes, meta: { pagination: { total: codes.length } } });
});

// Whom the caller may issue codes for: the same rule as issuing one.
pairingCodeRoutes.get('/students', async (c) => {
  const scopes = authorize(c.var.user, 'pairingCodes', 'create');
  const search = parseWith(studentsQuery, c.req.query());
  const audit = auditContext(c, requireUser(c.var.user));
  return c.json(await listPairableStudents(await c.var.db(), audit, scopes, { ...search, q: search.q || undefined }));
});

pairingCodeRoutes.delete('/:documentId', async (c) => {
  const scopes = authorize(c.var.user, 'pairingCodes', 'delete');
  await revokePairingCode(
    await c.var.db(),
    auditContext(c, requireUser(c.var.user)),
    scopes,
    c.req.param('documentId'),
  );
  return c.body(null, 204);
});

// The address counts failed attempts; Cloudflare sets CF-Connecting-IP and a client cannot override it there.
pairingCodeRoutes.post('/redeem', async (c) => {
  authorize(c.var.user, 'pairingCodes', 'update');
  const parent = requireUser(c.var.user);
  const { data } = await readJson(c, redeemBody);
  const address = c.req.header('cf-connecting-ip') ?? 'unknown';
  const db = await c.var.db();
  const child = await redeemPairingCode(db, auditContext(c, parent), { code: data.code, address }, c.env.JWT_SECRET);
  return c.json({ data: { child: presentUser(child, parent) }, meta: {} }, 201);
});
