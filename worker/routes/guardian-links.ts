import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { authorize, requireUser } from '../policy/authorize';
import { idOrKey, keyText } from '../lib/document-keys';
import { parseWith, readJson } from '../lib/validation';
import { linkGuardian, listGuardianLinks, unlinkGuardian } from '../services/accounts/guardian-links';
import { auditContext } from './audit-context';

export const guardianLinkRoutes = new Hono<AppEnv>();

export const linkBody = z.object({ data: z.object({ parent: idOrKey, child: idOrKey }).strict() });
const linkParams = z.object({ parent: keyText, child: keyText });

guardianLinkRoutes.get('/', async (c) => {
  const scopes = authorize(c.var.user, 'guardianLinks', 'find');
  const rows = await listGuardianLinks(await c.var.db(), requireUser(c.var.user), scopes);
  return c.json({
    data: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    meta: { pagination: { total: rows.length } },
  });
});

guardianLinkRoutes.post('/', async (c) => {
  authorize(c.var.user, 'guardianLinks', 'create');
  const actor = requireUser(c.var.user);
  const { data } = await readJson(c, linkBody);
  const { parent, child } = await linkGuardian(await c.var.db(), auditContext(c, actor), data.parent, data.child);
  return c.json(
    {
      data: {
        parent: { id: parent.id, documentId: parent.documentId, username: parent.username },
        child: { id: child.id, documentId: child.documentId, username: child.username },
      },
      meta: {},
    },
    201,
  );
});

guardianLinkRoutes.delete('/:parent/:child', async (c) => {
  const scopes = authorize(c.var.user, 'guardianLinks', 'delete');
  const { parent, child } = parseWith(linkParams, c.req.param());
  const audit = auditContext(c, requireUser(c.var.user));
  await unlinkGuardian(await c.var.db(), audit, scopes, parent, child);
  return c.body(null, 204);
});
