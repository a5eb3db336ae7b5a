import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { unauthorized } from '../lib/errors';
import { verifyAccessToken } from '../lib/tokens';
import { findUserById, toAuthUser } from '../services/accounts/user-records';

/**
 * Resolves the bearer token, when there is one, to the current user. A token that fails any check is
 * a 401, never an anonymous request: a client should learn that its token is bad.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set('user', null);
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('Authorization header must be "Bearer <token>"');
    const claims = await verifyAccessToken(c.env.JWT_SECRET, match[1]);
    // Blocking a user or changing their password raises token_version: older tokens stop here.
    const user = await findUserById(await c.var.db(), claims.userId);
    if (!user || user.blocked || user.tokenVersion !== claims.tokenVersion) throw unauthorized('Invalid token');
    c.set('user', toAuthUser(user));
  }
  await next();
});
