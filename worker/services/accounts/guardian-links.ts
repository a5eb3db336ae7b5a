import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { guardianLinks, roles, users } from '../../../db/schema';
import type { AuthUser } from '../../env';
import { badRequest, conflict, notFound } from '../../lib/errors';
import type { Scope } from '../../policy/permissions';
import { recordActivity, type AuditContext } from '../audit/activity-log';
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

/** Links a parent account to a student account; teachers may only link students. Recorded in the activity log. */
export async function linkGuardian(
  db: Database,
  audit: AuditContext,
  parentKey: string | number,
  childKey: string | number,
) {
  const [parentUser, childUser] = await Promise.all([userByKey(db, parentKey), userByKey(db, childKey)]);
  if (!parentUser || parentUser.role !== 'parent') throw badRequest('parent must name a parent account');
  if (!childUser || childUser.role !== 'student') throw badRequest('child must name a student account');
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(guardianLinks)
      .values({ parentId: parentUser.id, childId: childUser.id, createdById: audit.actor.id })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length) throw conflict('These accounts are already linked');
    await recordActivity(tx, audit, linkRecord('link', parentUser.documentId, childUser.documentId));
  });
  return { parent: parentUser, child: childUser };
}

/** A family link in the log: the child is the entity, the parent named by documentId. */
export const linkRecord = (action: 'link' | 'unlink', parentDocumentId: string, childDocumentId: string) => ({
  action,
  entityType: 'guardianLinks' as const,
  entityDocumentId: childDocumentId,
  summary: `${action === 'link' ? 'linked to' : 'unlinked from'} parent ${parentDocumentId}`,
});

export async function unlinkGuardian(
  db: Database,
  audit: AuditContext,
  scopes: readonly Scope[],
  parentKey: string,
  childKey: string,
) {
  const [parentUser, childUser] = await Promise.all([userByKey(db, parentKey), userByKey(db, childKey)]);
  if (!parentUser || !childUser || (!scopes.includes('all') && childUser.role !== 'student'))
    throw notFound('Link not found');
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(guardianLinks)
      .where(and(eq(guardianLinks.parentId, parentUser.id), eq(guardianLinks.childId, childUser.id)))
      .returning();
    if (!removed.length) throw notFound('Link not found');
    await recordActivity(tx, audit, linkRecord('unlink', parentUser.documentId, childUser.documentId));
  });
}
