import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, AuthUser } from '../env';
import { contentType } from '../content/registry';
import { entityTag, parseIfMatch, versionOf } from '../lib/entity-tags';
import { notFound } from '../lib/errors';
import { parseWith, readJson } from '../lib/validation';
import { authorize, requireUser } from '../policy/authorize';
import type { Scope } from '../policy/permissions';
import type { DocumentWriter } from '../services/content/document-writer';
import {
  createDocument,
  deleteDocument,
  isWritableType,
  updateDocument,
  type Precondition,
} from '../services/content/document-saves';
import { CompiledReads } from '../query/compiled-reads';
import {
  compileFindMany,
  compileFindOne,
  runFindMany,
  runFindOne,
  type CompiledFindMany,
  type RunStatement,
} from '../query/run-query';
import type { CompiledStatement } from '../query/compiled-reads';
import { parseListQuery, parseQueryString, parseSingleQuery } from '../query/parse-query';
import { auditContext } from './audit-context';

// Strapi v5 request bodies wrap the attributes in `data`.
const envelope = z.object({ data: z.record(z.string(), z.unknown()) }).strict();

const searchOf = (c: Context<AppEnv>) => {
  const url = c.req.url;
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at);
};
const queryOf = (c: Context<AppEnv>) => parseQueryString(searchOf(c));
/** Runs a compiled read on the request's database (SQL over HTTP, with the token's check riding along). */
const runOn =
  (c: Context<AppEnv>): RunStatement =>
  (text, params) =>
    c.var.requestDatabase.query(text, params);

/**
 * A save's precondition: `If-Match` with the ETag of the copy being edited, and/or the `updatedAt` the
 * editor loaded, sent in `data` as Strapi clients already hold it.
 */
function preconditionOf(c: Context<AppEnv>, updatedAt: unknown): Precondition {
  const loaded = parseWith(z.iso.datetime({ offset: true }).optional(), updatedAt, ['data', 'updatedAt']);
  return {
    ifMatch: parseIfMatch(c.req.header('if-match')),
    updatedAt: loaded === undefined ? undefined : versionOf(loaded),
  };
}

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
  return { data: await runFindOne(runOn(c), compileFindOne(parsed.select, documentId, viewer, { scopes })), meta: {} };
}

/** find and findOne in Strapi v5's shapes, through the query engine and the type's visibility rules. */
export function addReadRoutes(routes: Hono<AppEnv>, typeName: string) {
  const type = contentType(typeName);
  const lists = new CompiledReads<CompiledFindMany>();
  const documents = new CompiledReads<CompiledStatement>();

  routes.get('/', async (c) => {
    const user = c.var.user;
    const scopes = authorize(user, type.resource, 'find');
    const search = searchOf(c);
    const compiled = lists.get(CompiledReads.key(typeName, search, user), () =>
      compileFindMany(parseListQuery(type, parseQueryString(search), user), user, scopes),
    );
    return c.json(await runFindMany(runOn(c), compiled));
  });

  routes.get('/:documentId', async (c) => {
    const user = c.var.user;
    const scopes = authorize(user, type.resource, 'findOne');
    const search = searchOf(c);
    const documentId = c.req.param('documentId');
    const compiled = documents.get(CompiledReads.key(`${typeName}/${documentId}`, search, user), () => {
      const parsed = parseSingleQuery(type, parseQueryString(search), user);
      return compileFindOne(parsed.select, documentId, user, { status: parsed.status, scopes });
    });
    const data = await runFindOne(runOn(c), compiled);
    if (!data) throw notFound(`No ${type.name} ${c.req.param('documentId')}`);
    // The version an editor sends back in If-Match; absent when `fields` leaves updatedAt out.
    if (typeof data.updatedAt === 'string') c.header('ETag', entityTag(versionOf(data.updatedAt)));
    return c.json({ data, meta: {} });
  });
  return routes;
}

/**
 * find, findOne, create, update, delete for one content type, in Strapi v5's REST shapes. Every write is
 * recorded in the activity log in its own transaction; updates and deletes honour If-Match.
 */
export function contentRoutes(typeName: string, writer: DocumentWriter) {
  const type = contentType(typeName);
  if (!isWritableType(typeName)) throw new Error(`${typeName} has no table for saves`);
  const routes = addReadRoutes(new Hono<AppEnv>(), typeName);
  const saveRequest = (c: Context<AppEnv>, scopes: readonly Scope[], actor: AuthUser) => ({
    type: typeName,
    writer,
    scopes,
    audit: auditContext(c, actor),
  });

  routes.post('/', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'create');
    const actor = requireUser(c.var.user);
    const { data } = await readJson(c, envelope);
    const saved = await createDocument(await c.var.db(), saveRequest(c, scopes, actor), data);
    c.header('ETag', entityTag(saved.version));
    return c.json(await documentAnswer(c, typeName, saved.documentId, actor, ['all']), 201);
  });

  routes.put('/:documentId', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'update');
    const actor = requireUser(c.var.user);
    const { data } = await readJson(c, envelope);
    const { updatedAt, ...changes } = data;
    const precondition = preconditionOf(c, updatedAt);
    const documentId = c.req.param('documentId');
    const saved = await updateDocument(
      await c.var.db(),
      saveRequest(c, scopes, actor),
      documentId,
      changes,
      precondition,
    );
    c.header('ETag', entityTag(saved.version));
    return c.json(await documentAnswer(c, typeName, documentId, actor, ['all']));
  });

  routes.delete('/:documentId', async (c) => {
    const scopes = authorize(c.var.user, type.resource, 'delete');
    const actor = requireUser(c.var.user);
    const precondition = preconditionOf(c, undefined);
    await deleteDocument(await c.var.db(), saveRequest(c, scopes, actor), c.req.param('documentId'), precondition);
    return c.body(null, 204);
  });

  return routes;
}
