import { sql, type SQL } from 'drizzle-orm';
import type { AuthUser } from '../env';
import { col } from '../content/attributes';
import { CONTENT_TYPES } from '../content/registry';
import type { ContentType, Relation } from '../content/types';
import type { FilterNode } from './ast';
import { readScopes } from '../content/readable';
import { allOf } from '../lib/sql-predicates';

/** Hands out table aliases (t0, t1, …) so nested subqueries never collide. */
export class Aliases {
  private n = 0;
  next(): string {
    return `t${this.n++}`;
  }
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `alias` joined to the rows of `relation`'s target that the viewer may see, as FROM … WHERE … */
export function relationSource(
  relation: Relation,
  alias: string,
  target: string,
  user: AuthUser | null,
): { from: SQL; where: SQL } {
  const type = CONTENT_TYPES[relation.target]!;
  const visible = type.visibility(target, user, readScopes(type, user));
  const table = sql.raw(`"${type.table}" "${target}"`);
  const link = relation.link;
  if (link.kind === 'owner')
    return { from: table, where: allOf([sql`${col(target, 'id')} = ${col(alias, link.column)}`, visible])! };
  if (link.kind === 'inverse')
    return { from: table, where: allOf([sql`${col(target, link.column)} = ${col(alias, 'id')}`, visible])! };
  const join = `${target}_j`;
  return {
    from: sql`${sql.raw(`"${link.table}" "${join}"`)} JOIN ${table} ON ${col(target, 'id')} = ${col(join, link.to)}`,
    where: allOf([sql`${col(join, link.from)} = ${col(alias, 'id')}`, visible])!,
  };
}

export function compileFilter(
  type: ContentType,
  node: FilterNode,
  alias: string,
  user: AuthUser | null,
  aliases: Aliases,
): SQL {
  switch (node.kind) {
    case 'and':
      return allOf(node.items.map((item) => compileFilter(type, item, alias, user, aliases))) ?? sql`true`;
    case 'or':
      return node.items.length
        ? sql`(${sql.join(
            node.items.map((item) => compileFilter(type, item, alias, user, aliases)),
            sql` OR `,
          )})`
        : sql`false`;
    case 'not':
      // NOT over a NULL comparison is NULL: coalesce keeps "not equal" true for rows without a value.
      return sql`NOT coalesce(${compileFilter(type, node.item, alias, user, aliases)}, false)`;
    case 'relation': {
      const relation = type.relations[node.relation]!;
      const target = aliases.next();
      const source = relationSource(relation, alias, target, user);
      const inner = compileFilter(CONTENT_TYPES[relation.target]!, node.filter, target, user, aliases);
      return sql`EXISTS (SELECT 1 FROM ${source.from} WHERE ${source.where} AND ${inner})`;
    }
    case 'relationNull': {
      const relation = type.relations[node.relation]!;
      if (relation.link.kind === 'owner')
        return sql`${col(alias, relation.link.column)} IS ${sql.raw(node.isNull ? '' : 'NOT ')}NULL`;
      const target = aliases.next();
      const source = relationSource(relation, alias, target, user);
      return sql`${sql.raw(node.isNull ? 'NOT ' : '')}EXISTS (SELECT 1 FROM ${source.from} WHERE ${source.where})`;
    }
    case 'condition':
      return compileCondition(type, node, alias);
  }
}

function compileCondition(type: ContentType, node: Extract<FilterNode, { kind: 'condition' }>, alias: string): SQL {
  const attribute = type.attributes[node.attribute]!;
  const column = col(alias, attribute.column);
  const text = attribute.type === 'string' || attribute.type === 'text' ? column : sql`${column}::text`;
  const value = node.value;
  const typed = (v: unknown) => (attribute.type === 'datetime' ? sql`${v}::timestamptz` : sql`${v}`);
  if (attribute.type === 'json') {
    const contains = sql`${column} @> jsonb_build_array(${value}::text)`;
    if (node.operator === '$null' || node.operator === '$notNull')
      return nullTest(column, node.operator, value as boolean);
    return node.operator === '$contains' ? contains : sql`NOT coalesce(${contains}, false)`;
  }
  switch (node.operator) {
    case '$eq':
      return sql`${column} = ${typed(value)}`;
    case '$ne':
      return sql`${column} IS DISTINCT FROM ${typed(value)}`;
    case '$eqi':
      return sql`lower(${text}) = lower(${value})`;
    case '$nei':
      return sql`lower(${text}) IS DISTINCT FROM lower(${value})`;
    case '$lt':
      return sql`${column} < ${typed(value)}`;
    case '$lte':
      return sql`${column} <= ${typed(value)}`;
    case '$gt':
      return sql`${column} > ${typed(value)}`;
    case '$gte':
      return sql`${column} >= ${typed(value)}`;
    case '$in':
    case '$notIn': {
      const list = value as unknown[];
      if (list.length === 0) return node.operator === '$in' ? sql`false` : sql`true`;
      const inList = sql`${column} IN (${sql.join(list.map(typed), sql`, `)})`;
      return node.operator === '$in' ? inList : sql`NOT coalesce(${inList}, false)`;
    }
    case '$between': {
      const [low, high] = value as unknown[];
      return sql`${column} BETWEEN ${typed(low)} AND ${typed(high)}`;
    }
    case '$contains':
      return sql`${text} LIKE ${'%' + escapeLike(String(value)) + '%'}`;
    case '$notContains':
      return sql`NOT coalesce(${text} LIKE ${'%' + escapeLike(String(value)) + '%'}, false)`;
    case '$containsi':
      return sql`${text} ILIKE ${'%' + escapeLike(String(value)) + '%'}`;
    case '$notContainsi':
      return sql`NOT coalesce(${text} ILIKE ${'%' + escapeLike(String(value)) + '%'}, false)`;
    case '$startsWith':
      return sql`${text} LIKE ${escapeLike(String(value)) + '%'}`;
    case '$startsWithi':
      return sql`${text} ILIKE ${escapeLike(String(value)) + '%'}`;
    case '$endsWith':
      return sql`${text} LIKE ${'%' + escapeLike(String(value))}`;
    case '$endsWithi':
      return sql`${text} ILIKE ${'%' + escapeLike(String(value))}`;
    case '$null':
    case '$notNull':
      return nullTest(column, node.operator, value as boolean);
  }
}

function nullTest(column: SQL, operator: '$null' | '$notNull', flag: boolean): SQL {
  const isNull = operator === '$null' ? flag : !flag;
  return sql`${column} IS ${sql.raw(isNull ? '' : 'NOT ')}NULL`;
}
