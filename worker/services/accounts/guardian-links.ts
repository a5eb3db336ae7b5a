import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { guardianLinks, roles, users } from '../../../db/schema';
import type { AuthUser } from '../../env';
import { badRequest, conflict, notFound } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';
import { parseUserKey } from './users';
import { selectUsers } from './user-records';

const parent = alias(users, 'parent');
const child = alias(users, 'child');
const childRole = alias(roles, 'child_role');

function linkScope(viewer: AuthUser, scopes: readonly Scope[]): SQL | undefined {
  if (scopes.includes('all')) return undefined;
  const parts: SQL[] = [];
  if (scopes.includes('own')) parts.push(eq(guardianLinks.parentId, viewer.id));
  if (scopes.includes('students')) parts.push(eq(childRole.type, 'student'));
  return parts.length ? or(...parts) : sql`false`;
}

export async function listGuardianLinks(db: Database, viewer: AuthUser, scopes: readonly Scope[]) {
  return db
    .select({
      parent: { id: parent.id, documentId: parent.documentId, username: parent.username },
      child: { id: child.id, documentId: child.documentId, username: child.username },
      createdAt: guardianLinks.createdAt,
    })
    .from(guardianLinks)
    .innerJoin(parent, eq(parent.id, guardianLinks.parentId))
    .innerJoin(child, eq(child.id, guardianLinks.childId))
    .innerJoin(childRole, eq(childRole.id, child.roleId))
    .where(linkScope(viewer, scopes))
    .orderBy(guardianLinks.parentId, guardianLinks.childId);
}

async function userByKey(db: Database, key: string | number) {
  const [row] = await selectUsers(db).where(parseUserKey(String(key)));
  return row;
}

/** Links a parent account to a student account; teachers may only link students. */
export async function linkGuardian(
  db: Database,
  actor: AuthUser,
  parentKey: string | number,
  childKey: string | number,
) {
  const [parentUser, childUser] = await Promise.all([userByKey(db, parentKey), userByKey(db, childKey)]);
  if (!parentUser || parentUser.role !== 'parent') throw badRequest('parent must name a parent account');
  if (!childUser || childUser.role !== 'student') throw badRequest('child must name a student account');
  const inserted = await db
    .insert(guardianLinks)
    .values({ parentId: parentUser.id, childId: childUser.id, createdById: actor.id })
    .onConflictDoNothing()
    .returning();
  if (!inserted.length) throw conflict('These accounts are already linked');
  return { parent: parentUser, child: childUser };
}

export async function unlinkGuardian(
  db: Database,
  viewer: AuthUser,
  scopes: readonly Scope[],
  parentKey: string,
  childKey: string,
) {
  const [parentUser, childUser] = await Promise.all([userByKey(db, parentKey), userByKey(db, childKey)]);
  if (!parentUser || !childUser || (!scopes.includes('all') && childUser.role !== 'student'))
    throw notFound('Link not found');
  const removed = await db
    .delete(guardianLinks)
    .where(and(eq(guardianLinks.parentId, parentUser.id), eq(guardianLinks.childId, childUser.id)))
    .returning();
  if (!removed.length) throw notFound('Link not found');
}
