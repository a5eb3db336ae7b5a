import { badRequest } from '../lib/errors';

/** A 400 that names the parameter at fault, in Strapi's details.errors shape. */
export function invalidQuery(path: (string | number)[], message: string) {
  const where = path.join('.');
  return badRequest(`Invalid query parameter ${where}: ${message}`, {
    errors: [{ path, message, name: 'ValidationError' }],
  });
}
