import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, AuthUser } from '../env';
import { contentType } from '../content/registry';
import { notFound } from '../lib/errors';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import type { Scope } from '../policy/permissions';
import type { DocumentWriter } from '../services/content/document-writer';
import { findMany, findOne } from '../query/run-query';
import { parseListQuery, parseQueryString, parseSingleQuery } from '../query/parse-query';

// Strapi v5 request bodies wrap the attributes in `data`.
const envelope = z.object({ data: z.record(z.string(), z.unknown()) }).strict();

const queryOf = (c: Context<AppEnv>) => parseQueryString(new URL(c.req.url).search);

/**
 * The answer to a write: the document as it is now, shaped by the request's own fields and populate,
 * as Strapi answers a create or update.
 */
export async function documentAnswer(
  c: Context<AppEnv>,
  typeName: string,
  documentId: string,
  viewer: AuthUser,
  scopes: readonly Scope[],
) {
  const parsed = parseSingleQuery(contentType(typeName), queryOf(c), viewer);
  return { data: await findOne(await c.var.db(), parsed.select, documentId, viewer, { scopes }), meta: {} };
}

/** find and findOne in Strapi v5's shapes, through the query engine and the type's visibility rules. */
export function addReadRoutes(routes: Hono<AppEnv>, typeName: string) {
  const type = contentType(typeName);
  routes.get('/', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'find');
    const parsed = parseListQuery(type, queryOf(c), c.var.user);
    return c.json(await findMany(await c.var.db(), parsed, c.var.user, scopes));
  });

  routes.get('/:documentId', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'findOne');
    const parsed = parseSingleQuery(type, queryOf(c), c.var.user);
    const data = await findOne(await c.var.db(), parsed.select, c.req.param('documentId'), c.var.user, {
      status: parsed.status,
      scopes,
    });
    if (!data) throw notFound(`No ${type.name} ${c.req.param('documentId')}`);
    return c.json({ data, meta: {} });
  });
  return routes;
}

/** find, findOne, create, update, delete for one content type, in Strapi v5's REST shapes. */
export function contentRoutes(typeName: string, writer: DocumentWriter) {
  const type = contentType(typeName);
  const routes = addReadRoutes(new Hono<AppEnv>(), typeName);

  routes.post('/', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'create');
    const actor = requireUser(c.var.user);
    const { data } = await readJson(c, envelope);
    const documentId = await writer.create(await c.var.db(), actor, scopes, data);
    return c.json(await documentAnswer(c, typeName, documentId, actor, ['all']), 201);
  });

  routes.put('/:documentId', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'update');
    const actor = requireUser(c.var.user);
    const { data } = await readJson(c, envelope);
    await writer.update(await c.var.db(), actor, scopes, c.req.param('documentId'), data);
    return c.json(await documentAnswer(c, typeName, c.req.param('documentId'), actor, ['all']));
  });

  routes.delete('/:documentId', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'delete');
    await writer.remove(await c.var.db(), requireUser(c.var.user), scopes, c.req.param('documentId'));
    return c.body(null, 204);
  });

  return routes;
}
