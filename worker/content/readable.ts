import type { AuthUser } from '../env';
import { CONTENT_TYPES } from './registry';
import type { Attribute, ContentType, Relation } from './types';
import { scopesFor, type Scope } from '../policy/permissions';

export function isReadable(attribute: Attribute, user: AuthUser | null): boolean {
  return attribute.readable ? attribute.readable(user) : true;
}

/**
 * The scopes in which the viewer reads a type reached through a relation. Media has no read permission
 * of its own: a file is as readable as the document that shows it.
 */
export function readScopes(type: ContentType, user: AuthUser | null): readonly Scope[] {
  if (type.readableThroughRelations) return ['all'];
  return scopesFor(user?.role ?? 'public', type.resource, 'find');
}

/** A relation may be populated, filtered or sorted on only if its target is readable by the viewer. */
export function mayTraverse(relation: Relation, user: AuthUser | null): boolean {
  return readScopes(CONTENT_TYPES[relation.target]!, user).length > 0;
}
