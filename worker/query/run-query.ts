import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { AuthUser } from '../env';
import { col } from '../content/attributes';
import type { ContentType } from '../content/types';
import type { ListQuery, SelectTree } from './ast';
import { allOf } from '../lib/sql-predicates';
import { Aliases, compileFilter } from './compile-filters';
import { orderBy, rowJson } from './compile-select';
import { readScopes } from '../content/readable';
import type { Scope } from '../policy/permissions';

function statusPredicate(type: ContentType, status: ListQuery['status'], alias: string): SQL | undefined {
  if (!status || !type.publishedAttribute) return undefined;
  return sql`${col(alias, type.attributes[type.publishedAttribute]!.column)} = ${status === 'published'}`;
}

export interface ListResult {
  data: Record<string, unknown>[];
  meta: { pagination: Record<string, number> };
}

/** The SQL of a Strapi "find": the page with its total, and the count for a page past the end. */
export interface FindManyPlan {
  statement: SQL;
  countStatement: SQL;
  offset: number;
}

/**
 * A Strapi "find" in one statement: the page's ids (and the total) are chosen first, then only those
 * rows are turned into JSON with their populated relations.
 */
export function planFindMany(
  query: ListQuery,
  user: AuthUser | null,
  scopes: readonly Scope[] = readScopes(query.select.type, user),
): FindManyPlan {
  const type = query.select.type;
  const aliases = new Aliases();
  const t = aliases.next();
  const where =
    allOf([
      type.visibility(t, user, scopes),
      statusPredicate(type, query.status, t),
      query.filters ? compileFilter(type, query.filters, t, user, aliases) : undefined,
    ]) ?? sql`true`;
  const order = orderBy(type, query.sort, t);
  const p = query.pagination;
  const limit = p.mode === 'page' ? p.pageSize : p.limit;
  const offset = p.mode === 'page' ? (p.page - 1) * p.pageSize : p.start;
  const table = sql.raw(`"${type.table}" "${t}"`);
  const total = p.withCount ? sql`, count(*) OVER ()::int AS total` : sql``;
  const r = aliases.next();
  return {
    statement: sql`
    WITH page AS (
      SELECT ${col(t, 'id')} AS id, row_number() OVER (ORDER BY ${order}) AS position${total}
      FROM ${table} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}
    )
    SELECT ${rowJson(query.select, r, user, aliases)} AS data${p.withCount ? sql`, page.total` : sql``}
    FROM page JOIN ${sql.raw(`"${type.table}" "${r}"`)} ON ${col(r, 'id')} = page.id
    ORDER BY page.position`,
    countStatement: sql`SELECT count(*)::int AS total FROM ${table} WHERE ${where}`,
    offset,
  };
}

export async function findMany(
  db: Database,
  query: ListQuery,
  user: AuthUser | null,
  scopes: readonly Scope[] = readScopes(query.select.type, user),
): Promise<ListResult> {
  const p = query.pagination;
  const plan = planFindMany(query, user, scopes);
  const result = await db.execute<{ data: Record<string, unknown>; total: number | null }>(plan.statement);
  let count = result.rows[0]?.total ?? 0;
  if (p.withCount && result.rows.length === 0 && plan.offset > 0) {
    // Past the last page the window has no row to ride on: count separately (only in this case).
    const counted = await db.execute<{ total: number }>(plan.countStatement);
    count = counted.rows[0]?.total ?? 0;
  }
  const data = result.rows.map((row) => row.data);
  const pagination: Record<string, number> =
    p.mode === 'page'
      ? {
          page: p.page,
          pageSize: p.pageSize,
          ...(p.withCount && { pageCount: Math.ceil(count / p.pageSize), total: count }),
        }
      : { start: p.start, limit: p.limit, ...(p.withCount && { total: count }) };
  return { data, meta: { pagination } };
}

/** A Strapi "findOne" by documentId, with the same visibility as find; null when not visible. */
export async function findOne(
  db: Database,
  select: SelectTree,
  documentId: string,
  user: AuthUser | null,
  options: { status?: ListQuery['status']; scopes?: readonly Scope[] } = {},
): Promise<Record<string, unknown> | null> {
  const type = select.type;
  const aliases = new Aliases();
  const t = aliases.next();
  const where = allOf([
    sql`${col(t, 'document_id')} = ${documentId}`,
    type.visibility(t, user, options.scopes ?? readScopes(type, user)),
    statusPredicate(type, options.status, t),
  ]);
  const result = await db.execute<{ data: Record<string, unknown> }>(
    sql`SELECT ${rowJson(select, t, user, aliases)} AS data FROM ${sql.raw(`"${type.table}" "${t}"`)} WHERE ${where}`,
  );
  return result.rows[0]?.data ?? null;
}
