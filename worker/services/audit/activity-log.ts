import type { Database } from '../../../db/client';
import { activityLog } from '../../../db/schema';
import type { ActivityAction, ActivityEntityType } from '../../contract/activity';
import type { AuthUser } from '../../env';

/** Who acts, and the request they act in: every write that is logged carries this down from its route. */
export interface AuditContext {
  actor: AuthUser;
  requestId: string;
}

export interface ActivityRecord {
  action: ActivityAction;
  entityType: ActivityEntityType;
  entityDocumentId?: string | null;
  /** Short, for people. Never a password, a token or a child's private data. */
  summary: string;
  changedFields?: string[];
}

const MAX_SUMMARY = 500;

/** A document's title for a summary line, quoted and cut short. */
export function quoted(label: string | null | undefined): string {
  if (!label) return '(untitled)';
  return `"${label.length > 80 ? `${label.slice(0, 79)}…` : label}"`;
}

/**
 * Appends to the activity log. Call it with the transaction of the change it describes, so that the entry
 * exists exactly when the change does. The table refuses updates and deletes (a trigger).
 */
export async function recordActivity(db: Database, context: AuditContext, ...records: ActivityRecord[]): Promise<void> {
  if (!records.length) return;
  await db.insert(activityLog).values(
    records.map((record) => ({
      actorId: context.actor.id,
      actorDocumentId: context.actor.documentId,
      actorRole: context.actor.role,
      action: record.action,
      entityType: record.entityType,
      entityDocumentId: record.entityDocumentId ?? null,
      summary: record.summary.slice(0, MAX_SUMMARY),
      changedFields: record.changedFields ?? [],
      requestId: context.requestId,
    })),
  );
}
