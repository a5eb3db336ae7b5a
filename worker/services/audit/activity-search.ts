import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { activityLog, users } from '../../../db/schema';
import type { ActivityAction, ActivityEntityType, ActivityEntry } from '../../contract/activity';
import type { ListAnswer } from '../../contract/wire';

export interface ActivitySearch {
  /** A documentId or a username (as it is now). */
  actor?: string;
  actions?: ActivityAction[];
  entityType?: ActivityEntityType;
  entity?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Words anywhere in the summary, the entity's documentId, a changed field's name or the actor's username. */
  text?: string;
  page: number;
  pageSize: number;
}

const containing = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function conditions(search: ActivitySearch): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    search.actor
      ? or(
          eq(activityLog.actorDocumentId, search.actor),
          sql`${activityLog.actorId} IN (SELECT ${users.id} FROM ${users} WHERE lower(${users.username}) = lower(${search.actor}))`,
        )
      : undefined,
    search.actions?.length ? inArray(activityLog.action, search.actions) : undefined,
    search.entityType ? eq(activityLog.entityType, search.entityType) : undefined,
    search.entity ? eq(activityLog.entityDocumentId, search.entity) : undefined,
    search.from ? gte(activityLog.at, search.from) : undefined,
    search.to ? lt(activityLog.at, search.to) : undefined,
  ];
  if (search.text) {
    const pattern = containing(search.text);
    parts.push(
      or(
        ilike(activityLog.summary, pattern),
        ilike(activityLog.entityDocumentId, pattern),
        sql`${activityLog.changedFields}::text ILIKE ${pattern}`,
        ilike(users.username, pattern),
      ),
    );
  }
  return and(...parts);
}

/** The log, newest first, one page with the total, in one statement (plus one when past the last page). */
export async function searchActivity(db: Database, search: ActivitySearch): Promise<ListAnswer<ActivityEntry>> {
  const where = conditions(search);
  const rows = await db
    .select({
      id: activityLog.id,
      at: activityLog.at,
      action: activityLog.action,
      entityType: activityLog.entityType,
      entityDocumentId: activityLog.entityDocumentId,
      summary: activityLog.summary,
      changedFields: activityLog.changedFields,
      requestId: activityLog.requestId,
      actorId: activityLog.actorId,
      actorDocumentId: activityLog.actorDocumentId,
      actorRole: activityLog.actorRole,
      actorUsername: users.username,
      total: sql<number>`(count(*) OVER ())::int`,
    })
    .from(activityLog)
    .leftJoin(users, eq(users.id, activityLog.actorId))
    .where(where)
    .orderBy(desc(activityLog.at), desc(activityLog.id))
    .offset((search.page - 1) * search.pageSize)
    .limit(search.pageSize);
  const total =
    rows[0]?.total ??
    (search.page > 1
      ? ((
          await db
            .select({ n: sql<number>`count(*)::int` })
            .from(activityLog)
            .leftJoin(users, eq(users.id, activityLog.actorId))
            .where(where)
        )[0]?.n ?? 0)
      : 0);
  return {
    data: rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      action: row.action as ActivityAction,
      entityType: row.entityType as ActivityEntityType,
      entityDocumentId: row.entityDocumentId,
      summary: row.summary,
      changedFields: row.changedFields,
      requestId: row.requestId,
      actor:
        row.actorId === null
          ? null
          : { id: row.actorId, documentId: row.actorDocumentId, username: row.actorUsername, role: row.actorRole },
    })),
    meta: {
      pagination: {
        page: search.page,
        pageSize: search.pageSize,
        pageCount: Math.ceil(total / search.pageSize),
        total,
      },
    },
  };
}
