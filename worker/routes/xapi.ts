import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { notFound } from '../lib/errors';
import { authorize } from '../policy/authorize';
import { encodeCursor, type Cursor } from '../services/xapi/cursor';
import { parseStatementQuery } from '../services/xapi/statement-query-params';
import { findStatement, listStatements } from '../services/xapi/statement-store';

/** The Statement resource of an xAPI 1.0.3 LRS, read only: statements are recorded by the LMS itself. */
export const xapiRoutes = new Hono<AppEnv>();

/**
 * A statement's `stored` is read from the recording worker's clock just before its INSERT commits, so
 * one can appear a moment after a later-stored one. Everything older than this margin has landed.
 */
const CONSISTENCY_MARGIN_MS = 60_000;

/** `more`: this path and query again, with the cursor after this page (the spec wants a path, no host). */
function moreIrl(path: string, params: Record<string, string>, next: Cursor | null): string {
  if (!next) return '';
  const query = new URLSearchParams(Object.entries(params).filter(([key]) => key !== 'cursor'));
  query.set('cursor', encodeCursor(next));
  return `${path}?${query}`;
}

xapiRoutes.get('/statements', async (c) => {
  authorize(c.var.user, 'xapi', 'find');
  const params = c.req.query();
  const query = parseStatementQuery(params);
  c.header('X-Experience-API-Consistent-Through', new Date(Date.now() - CONSISTENCY_MARGIN_MS).toISOString());
  const db = await c.var.db();
  if ('statementId' in query) {
    const found = await findStatement(db, query.statementId);
    if (!found) throw notFound(`No statement with id ${query.statementId}`);
    c.header('Last-Modified', found.stored.toUTCString());
    return c.json(found.statement);
  }
  const page = await listStatements(db, query.filters);
  return c.json({ statements: page.statements, more: moreIrl(c.req.path, params, page.next) });
});
