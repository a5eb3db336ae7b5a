import type { Database } from '../../../db/client';
import type { Scope } from '../../policy/permissions';
import { recordActivity, type ActivityRecord, type AuditContext } from '../audit/activity-log';
import type { NewAccount } from './accounts';
import type { UserRecord } from './user-records';
import { applyUserChanges, checkUserChanges, createUserAs, deleteUser, type UserChanges } from './users';

/**
 * The users API's writes, each in one transaction with its activity-log entries. Entries name accounts by
 * documentId and fields by name: never a password, a name or a birth date.
 */
export async function createUserRecorded(
  db: Database,
  audit: AuditContext,
  scopes: readonly Scope[],
  input: Omit<NewAccount, 'parentId' | 'createdById'> & { parent?: number | string },
): Promise<UserRecord> {
  return db.transaction(async (tx) => {
    const user = await createUserAs(tx, audit.actor, scopes, input);
    const linked = audit.actor.role === 'parent' || input.parent !== undefined;
    await recordActivity(tx, audit, {
      action: 'create',
      entityType: 'users',
      entityDocumentId: user.documentId,
      summary: `${user.role} account created${linked ? ', linked to a parent' : ''}`,
      changedFields: Object.keys(input)
        .filter((field) => field !== 'password')
        .sort(),
    });
    return user;
  });
}

/** What a change to an account means for the log: role, blocking and passwords each get their own line. */
export function userChangeRecords(actorId: number, target: UserRecord, changes: UserChanges): ActivityRecord[] {
  const about = { entityType: 'users' as const, entityDocumentId: target.documentId };
  const records: ActivityRecord[] = [];
  if (changes.role !== undefined && changes.role !== target.role)
    records.push({
      ...about,
      action: 'role_change',
      summary: `role ${target.role} → ${changes.role}`,
      changedFields: ['role'],
    });
  if (changes.blocked !== undefined && changes.blocked !== target.blocked)
    records.push({
      ...about,
      action: changes.blocked ? 'block' : 'unblock',
      summary: changes.blocked ? 'account blocked' : 'account unblocked',
      changedFields: ['blocked'],
    });
  if (changes.password !== undefined)
    records.push({
      ...about,
      action: 'password_change',
      summary: target.id === actorId ? 'password changed by its owner' : 'password set by an admin',
      changedFields: ['password'],
    });
  const other = (['username', 'email', 'confirmed', 'fullName', 'timeZone'] as const).filter(
    (field) => changes[field] !== undefined,
  );
  if (other.length)
    records.push({ ...about, action: 'update', summary: 'account details updated', changedFields: other });
  return records;
}

export async function updateUserRecorded(
  db: Database,
  audit: AuditContext,
  target: UserRecord,
  changes: UserChanges,
): Promise<UserRecord> {
  await checkUserChanges(db, audit.actor, target, changes);
  return db.transaction(async (tx) => {
    const user = await applyUserChanges(tx, target, changes);
    await recordActivity(tx, audit, ...userChangeRecords(audit.actor.id, target, changes));
    return user;
  });
}

export async function deleteUserRecorded(db: Database, audit: AuditContext, target: UserRecord): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteUser(tx, audit.actor, target);
    await recordActivity(tx, audit, {
      action: 'delete',
      entityType: 'users',
      entityDocumentId: target.documentId,
      summary: `${target.role} account deleted`,
    });
  });
}
