import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../env';
import { unauthorized } from '../lib/errors';
import { verifyAccessToken } from '../lib/tokens';
import { tokenStillValid } from '../services/accounts/user-records';

/**
 * Resolves the bearer token, when there is one, to the current user. A token that fails any check is
 * a 401, never an anonymous request: a client should learn that its token is bad.
 *
 * The token's signature, expiry and claims are checked here; that its user still exists, is not blocked
 * and is at the token's version (a block, a role change or a new password raise it) is checked by the
 * database in the request's first round trip, with the read itself, so a signed-in read costs one round
 * trip. A write is confirmed before the handler runs, since it may act before it reads, unless its handler
 * is marked `confirmsTokenFirstThing` (its first act is a database transaction, whose BEGIN then carries
 * the check); a request that never reaches the database is confirmed before its answer leaves.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set('user', null);
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('Authorization header must be "Bearer <token>"');
    const claims = await verifyAccessToken(c.env.JWT_SECRET, match[1]);
    c.set('user', { id: claims.userId, documentId: claims.documentId, role: claims.role });
    c.var.requestDatabase.require(tokenStillValid(claims));
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    if (write && !matchedRoutes(c).some((route) => route.handler === confirmsTokenFirstThing))
      await c.var.requestDatabase.settle();
  }
  await next();
  await c.var.requestDatabase.settle();
});

/**
 * Route middleware for a write that does nothing outside the database before its first statement (the
 * learning writes: validate, then one transaction). Its token is not confirmed in a round trip of its own
 * before the handler: the check goes first with that statement (in the learning transaction's BEGIN), and
 * a token that no longer holds ends the request there, with nothing done.
 */
export const confirmsTokenFirstThing = createMiddleware<AppEnv>(async (_c, next) => {
  await next();
});
