import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { badRequest } from '../lib/errors';
import { XAPI_VERSION } from '../services/xapi/statements';
import { renderError } from './errors';

export const XAPI_VERSION_HEADER = 'X-Experience-API-Version';

/** 1.0, 1.0.0 … 1.0.x: the versions a 1.0.3 LRS must accept. */
const ACCEPTED = /^1\.0(\.\d+)?$/;

/**
 * xAPI requires the version header on every LRS response, errors included, and a 400 for a version we do
 * not speak. A request without the header is still served: a teacher opening the URL in a browser sends
 * none, and refusing them would protect nothing.
 */
export const xapiVersion = createMiddleware<AppEnv>(async (c, next) => {
  const requested = c.req.header(XAPI_VERSION_HEADER);
  if (requested !== undefined && !ACCEPTED.test(requested.trim())) {
    c.res = renderError(
      badRequest(`${XAPI_VERSION_HEADER} ${requested} is not supported; this LRS speaks ${XAPI_VERSION}`),
      c,
    );
  } else {
    await next();
  }
  c.header(XAPI_VERSION_HEADER, XAPI_VERSION);
});
