import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client';
import type { AuthUser } from '../../env';
import { badRequest, forbidden, notFound } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';
import { readScopes } from '../../content/readable';
import { allOf } from '../../lib/sql-predicates';
import { col } from '../../content/attributes';
import { CONTENT_TYPES } from '../../content/registry';
import { keyText } from '../../lib/document-keys';
import { int4Id } from '../../lib/postgres-values';

/** A relation in a request body: a documentId, a numeric id, or Strapi v5's { connect | set: [...] }. */
export const relationRef = z.union([
  keyText,
  int4Id,
  z.object({ id: int4Id }).strict(),
  z.object({ documentId: z.string().min(1).max(24) }).strict(),
]);
export type RelationRef = z.infer<typeof relationRef>;
export const toOneInput = z.union([
  relationRef,
  z.null(),
  z.object({ connect: z.array(relationRef).max(1) }).strict(),
  z.object({ set: z.array(relationRef).max(1) }).strict(),
  z.object({ disconnect: z.array(relationRef) }).strict(),
]);
export const toManyInput = z.union([
  z.array(relationRef).max(200),
  z.object({ set: z.array(relationRef).max(200) }).strict(),
  z
    .object({ connect: z.array(relationRef).max(200).optional(), disconnect: z.array(relationRef).max(200).optional() })
    .strict(),
]);

function keyOf(ref: RelationRef) {
  if (typeof ref === 'number') return { column: 'id', value: ref as string | number };
  if (typeof ref === 'string')
    return /^\d+$/.test(ref) ? { column: 'id', value: Number(ref) } : { column: 'document_id', value: ref };
  return 'id' in ref ? { column: 'id', value: ref.id } : { column: 'document_id', value: ref.documentId };
}

/**
 * The id of a related document the actor may link to. Linking needs only read access (a lesson may show
 * any visible file); `scopes` narrows it, e.g. a teacher adds lessons only to their own courses.
 */
export async function resolveRef(
  db: Database,
  typeName: string,
  ref: RelationRef,
  field: string,
  user: AuthUser | null,
  scopes?: readonly Scope[],
): Promise<number> {
  const type = CONTENT_TYPES[typeName]!;
  const key = keyOf(ref);
  const visible = type.visibility('r', user, scopes ?? readScopes(type, user));
  const rows = await db.execute<{ id: number }>(
    sql`SELECT ${col('r', 'id')} AS id FROM ${sql.raw(`"${type.table}" "r"`)} WHERE ${allOf([sql`${col('r', key.column)} = ${key.value}`, visible])}`,
  );
  const id = rows.rows[0]?.id;
  if (id === undefined)
    throw badRequest(`${field}: no ${typeName} ${String(key.value)} that you may use`, {
      errors: [{ path: ['data', field], message: `unknown ${typeName}`, name: 'ValidationError' }],
    });
  return id;
}

export async function resolveToOne(
  db: Database,
  typeName: string,
  input: z.infer<typeof toOneInput> | undefined,
  field: string,
  user: AuthUser | null,
  scopes?: readonly Scope[],
): Promise<number | null | undefined> {
  if (input === undefined) return undefined;
  if (input === null) return null;
  if (typeof input === 'object' && 'disconnect' in input) return null;
  const ref =
    typeof input === 'object' && ('connect' in input || 'set' in input)
      ? ('connect' in input ? input.connect : input.set)[0]
      : (input as RelationRef);
  return ref === undefined ? null : resolveRef(db, typeName, ref, field, user, scopes);
}

/** The ids a to-many relation should hold after the update, given its current ids. */
export async function resolveToMany(
  db: Database,
  typeName: string,
  input: z.infer<typeof toManyInput>,
  current: number[],
  field: string,
  user: AuthUser | null,
): Promise<number[]> {
  const resolve = (refs: RelationRef[]) => Promise.all(refs.map((ref) => resolveRef(db, typeName, ref, field, user)));
  if (Array.isArray(input)) return [...new Set(await resolve(input))];
  if ('set' in input) return [...new Set(await resolve(input.set))];
  const removed = new Set(await resolve(input.disconnect ?? []));
  const added = await resolve(input.connect ?? []);
  return [...new Set([...current.filter((id) => !removed.has(id)), ...added])];
}

/**
 * The id of the document the actor may change. Outside their write scopes but readable is a 403; not
 * readable at all is a 404, so drafts of others stay invisible.
 */
export async function findWritable(
  db: Database,
  typeName: string,
  documentId: string,
  user: AuthUser,
  writeScopes: readonly Scope[],
): Promise<number> {
  const type = CONTENT_TYPES[typeName]!;
  const writable = type.visibility('w', user, writeScopes) ?? sql`true`;
  const readable = type.visibility('w', user, readScopes(type, user)) ?? sql`true`;
  const rows = await db.execute<{ id: number; writable: boolean }>(
    sql`SELECT ${col('w', 'id')} AS id, (${writable}) AS writable FROM ${sql.raw(`"${type.table}" "w"`)} WHERE ${col('w', 'document_id')} = ${documentId} AND ((${readable}) OR (${writable}))`,
  );
  const row = rows.rows[0];
  if (!row) throw notFound(`No ${typeName} ${documentId}`);
  if (!row.writable) throw forbidden(`You may not change this ${type.name.replace(/s$/, '')}`);
  return row.id;
}
