import type { AuthUser } from '../env';
import { forbidden, unauthorized } from '../lib/errors';
import { scopesFor, type Action, type Resource, type Scope } from './permissions';

/**
 * The first line of every handler. Anonymous callers refused here get 401 (signing in may help);
 * signed-in callers get 403.
 */
export function authorize(user: AuthUser | null, resource: Resource, action: Action): readonly Scope[] {
  const scopes = scopesFor(user?.role ?? 'public', resource, action);
  if (scopes.length > 0) return scopes;
  if (!user) throw unauthorized('You must be signed in to do this');
  throw forbidden(`A ${user.role} may not ${action} ${resource}`);
}

export function requireUser(user: AuthUser | null): AuthUser {
  if (!user) throw unauthorized('You must be signed in to do this');
  return user;
}
