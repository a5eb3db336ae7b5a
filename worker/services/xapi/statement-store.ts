import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { users, xapiStatements } from '../../../db/schema';
import type { Cursor } from './cursor';
import type { StatementFilters } from './statement-query-params';

const t = xapiStatements;

/**
 * `stored` as Postgres keeps it, to the microsecond, for the cursor: a JavaScript Date would cut it to
 * milliseconds and a page could then skip or repeat rows stored within the same millisecond.
 */
const storedExactly = sql<string>`to_char(${t.stored} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function conditions(db: Database, filters: StatementFilters): SQL[] {
  const where: SQL[] = [];
  // By our foreign key rather than inside the JSON: indexed, and a learner's account name is their documentId.
  if (filters.learner !== undefined)
    where.push(inArray(t.userId, db.select({ id: users.id }).from(users).where(eq(users.documentId, filters.learner))));
  if (filters.verb !== undefined) where.push(eq(t.verb, filters.verb));
  if (filters.activity !== undefined) where.push(eq(t.activity, filters.activity));
  // Compared as timestamptz in Postgres, so a microsecond `since` is not rounded by a Date on the way.
  if (filters.since !== undefined) where.push(sql`${t.stored} > ${filters.since}::timestamptz`);
  if (filters.until !== undefined) where.push(sql`${t.stored} <= ${filters.until}::timestamptz`);
  if (filters.after) {
    const { stored, id } = filters.after;
    where.push(
      filters.ascending
        ? sql`(${t.stored}, ${t.id}) > (${stored}::timestamptz, ${id}::uuid)`
        : sql`(${t.stored}, ${t.id}) < (${stored}::timestamptz, ${id}::uuid)`,
    );
  }
  return where;
}

export interface StatementPage {
  statements: object[];
  /** Where the next page starts; null when this page is the last. */
  next: Cursor | null;
}

/** One page, newest `stored` first unless ascending, in one statement: one extra row says whether more follow. */
export async function listStatements(db: Database, filters: StatementFilters): Promise<StatementPage> {
  const order = filters.ascending ? [asc(t.stored), asc(t.id)] : [desc(t.stored), desc(t.id)];
  const rows = await db
    .select({ id: t.id, stored: storedExactly, statement: t.statement })
    .from(t)
    .where(and(...conditions(db, filters)))
    .orderBy(...order)
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const last = page[page.length - 1];
  return {
    statements: page.map((r) => r.statement),
    next: rows.length > filters.limit && last ? { stored: last.stored, id: last.id } : null,
  };
}

export async function findStatement(db: Database, id: string) {
  const [row] = await db.select({ statement: t.statement, stored: t.stored }).from(t).where(eq(t.id, id));
  return row;
}
