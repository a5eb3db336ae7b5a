import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { badRequest } from '../lib/errors';

/**
 * A NUL character can be written into a URL (%00) but into no Postgres text: whichever parameter it
 * reaches (a path id, a filter, a search term), the answer is the same 400, given before any handler.
 * One decoding of %00 is the only way to a NUL; %2500 decodes to the harmless text "%00".
 */
export const refuseNulInUrl = createMiddleware<AppEnv>(async (c, next) => {
  if (/%00/i.test(c.req.url)) throw badRequest('The URL may not contain NUL characters (%00)');
  await next();
});
