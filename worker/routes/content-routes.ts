import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/client';
import type { AppEnv, AuthUser } from '../env';
import { CONTENT_TYPES } from '../content/registry';
import { notFound } from '../lib/errors';
import { readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import type { Scope } from '../policy/permissions';
import { findMany, findOne } from '../query/run-query';
import { parseListQuery, parseQueryString, parseSingleQuery } from '../query/parse-query';

/** The business rules of writing one content type; the routes around them are the same for all. */
export interface DocumentWriter {
  create(db: Database, actor: AuthUser, scopes: readonly Scope[], data: unknown): Promise<string>;
  update(db: Database, actor: AuthUser, scopes: readonly Scope[], documentId: string, data: unknown): Promise<void>;
  remove(db: Database, actor: AuthUser, scopes: readonly Scope[], documentId: string): Promise<void>;
}

// Strapi v5 request bodies wrap the attributes in `data`.
const envelope = z.object({ data: z.record(z.string(), z.unknown()) }).strict();

const queryOf = (url: string) => parseQueryString(new URL(url).search);

/** find and findOne in Strapi v5's shapes, through the query engine and the type's visibility rules. */
export function addReadRoutes(routes: Hono<AppEnv>, typeName: string) {
  const type = CONTENT_TYPES[typeName]!;
  routes.get('/', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'find');
    const parsed = parseListQuery(type, queryOf(c.req.url), c.var.user);
    return c.json(await findMany(await c.var.db(), parsed, c.var.user, scopes));
  });

  routes.get('/:documentId', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'findOne');
    const parsed = parseSingleQuery(type, queryOf(c.req.url), c.var.user);
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
  const type = CONTENT_TYPES[typeName]!;
  const routes = new Hono<AppEnv>();

  async function respondWithDocument(
    c: { req: { url: string }; var: AppEnv['Variables'] },
    documentId: string,
    user: AuthUser,
  ) {
    const parsed = parseSingleQuery(type, queryOf(c.req.url), user);
    const data = await findOne(await c.var.db(), parsed.select, documentId, user, { scopes: ['all'] });
    return { data, meta: {} };
  }

  addReadRoutes(routes, typeName);

  routes.post('/', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'create');
    const actor = requireUser(c.var.user);
    const { data } = await readJson(c, envelope);
    const documentId = await writer.create(await c.var.db(), actor, scopes, data);
    return c.json(await respondWithDocument(c, documentId, actor), 201);
  });

  routes.put('/:documentId', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'update');
    const actor = requireUser(c.var.user);
    const { data } = await readJson(c, envelope);
    await writer.update(await c.var.db(), actor, scopes, c.req.param('documentId'), data);
    return c.json(await respondWithDocument(c, c.req.param('documentId'), actor));
  });

  routes.delete('/:documentId', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'delete');
    await writer.remove(await c.var.db(), requireUser(c.var.user), scopes, c.req.param('documentId'));
    return c.body(null, 204);
  });

  return routes;
}
