import { sql, type SQL } from 'drizzle-orm';
import type { AuthUser } from '../env';
import { col } from '../content/attributes';
import type { ContentType } from '../content/types';
import type { ListQuery, SelectTree } from './ast';
import { allOf } from '../lib/sql-predicates';
import { Aliases, compileFilter } from './compile-filters';
import { orderBy, rowJson } from './compile-select';
import { readScopes } from '../content/readable';
import type { Scope } from '../policy/permissions';
import { compileStatement, type CompiledStatement } from './compiled-reads';

/** Runs one compiled statement and answers its rows (the request database's `query`). */
export type RunStatement = <T extends Record<string, unknown>>(text: string, params: unknown[]) => Promise<T[]>;

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

/** A "find" compiled to its wire form, kept per isolate by the read routes (compiled-reads.ts). */
export interface CompiledFindMany {
  statement: CompiledStatement;
  countStatement: CompiledStatement;
  offset: number;
  pagination: ListQuery['pagination'];
}

export function compileFindMany(
  query: ListQuery,
  user: AuthUser | null,
  scopes: readonly Scope[] = readScopes(query.select.type, user),
): CompiledFindMany {
  const plan = planFindMany(query, user, scopes);
  return {
    statement: compileStatement(plan.statement),
    countStatement: compileStatement(plan.countStatement),
    offset: plan.offset,
    pagination: query.pagination,
  };
}

/** Strapi's answer to a find: the page's rows and its pagination, with the total where asked for. */
export async function runFindMany(run: RunStatement, compiled: CompiledFindMany): Promise<ListResult> {
  const { statement, countStatement, offset, pagination: p } = compiled;
  const rows = await run<{ data: Record<string, unknown>; total: number | null }>(statement.text, statement.params);
  let count = rows[0]?.total ?? 0;
  // Past the last page the window has no row to ride on: count separately (only in this case).
  if (p.withCount && rows.length === 0 && offset > 0)
    count = (await run<{ total: number }>(countStatement.text, countStatement.params))[0]?.total ?? 0;
  const pagination: Record<string, number> =
    p.mode === 'page'
      ? {
          page: p.page,
          pageSize: p.pageSize,
          ...(p.withCount && { pageCount: Math.ceil(count / p.pageSize), total: count }),
        }
      : { start: p.start, limit: p.limit, ...(p.withCount && { total: count }) };
  return { data: rows.map((row) => row.data), meta: { pagination } };
}

type FindOneOptions = { status?: ListQuery['status']; scopes?: readonly Scope[] };

/** A Strapi "findOne" by documentId, with the same visibility as find (its answer is null when not visible). */
export function compileFindOne(
  select: SelectTree,
  documentId: string,
  user: AuthUser | null,
  options: FindOneOptions = {},
): CompiledStatement {
  return compileStatement(findOneStatement(select, documentId, user, options));
}

export async function runFindOne(run: RunStatement, compiled: CompiledStatement) {
  return (await run<{ data: Record<string, unknown> }>(compiled.text, compiled.params))[0]?.data ?? null;
}

function findOneStatement(select: SelectTree, documentId: string, user: AuthUser | null, options: FindOneOptions) {
  const type = select.type;
  const aliases = new Aliases();
  const t = aliases.next();
  const where = allOf([
    sql`${col(t, 'document_id')} = ${documentId}`,
    type.visibility(t, user, options.scopes ?? readScopes(type, user)),
    statusPredicate(type, options.status, t),
  ]);
  return sql`SELECT ${rowJson(select, t, user, aliases)} AS data FROM ${sql.raw(`"${type.table}" "${t}"`)} WHERE ${where}`;
}
