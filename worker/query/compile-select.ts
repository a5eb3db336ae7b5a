import { sql, type SQL } from 'drizzle-orm';
import type { AuthUser } from '../env';
import { col } from '../content/attributes';
import { CONTENT_TYPES } from '../content/registry';
import type { Attribute, ContentType } from '../content/types';
import type { PopulateNode, SelectTree, SortItem } from './ast';
import { allOf } from '../lib/sql-predicates';
import { Aliases, compileFilter, relationSource } from './compile-filters';

/** Timestamps as Strapi writes them: UTC with milliseconds and a Z. */
function attributeValue(attribute: Attribute, alias: string, user: AuthUser | null): SQL {
  if (attribute.project) return attribute.project(alias, user);
  const column = col(alias, attribute.column);
  if (attribute.type === 'datetime') return sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  if (attribute.type === 'date') return sql`${column}::text`;
  if (attribute.type === 'number') return sql`${column}::float8`;
  return column;
}

/** One ORDER BY term; a to-one relation's field is read through a scalar subquery. */
export function sortExpression(type: ContentType, item: SortItem, alias: string): SQL {
  const direction = sql.raw(item.direction === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST');
  if (!item.relation) return sql`${col(alias, type.attributes[item.attribute]!.column)} ${direction}`;
  const relation = type.relations[item.relation]!;
  const target = CONTENT_TYPES[relation.target]!;
  const link = relation.link as { kind: 'owner' | 'inverse'; column: string };
  const s = `${alias}_s_${item.relation}`;
  const joinCondition =
    link.kind === 'owner'
      ? sql`${col(s, 'id')} = ${col(alias, link.column)}`
      : sql`${col(s, link.column)} = ${col(alias, 'id')}`;
  return sql`(SELECT ${col(s, target.attributes[item.attribute]!.column)} FROM ${sql.raw(`"${target.table}" "${s}"`)} WHERE ${joinCondition} LIMIT 1) ${direction}`;
}

export function orderBy(type: ContentType, sort: SortItem[], alias: string): SQL {
  const items = sort.length ? sort : type.defaultSort.map((d) => ({ attribute: d.attribute, direction: d.direction }));
  // The id breaks ties so that pages never overlap or skip rows.
  return sql.join([...items.map((item) => sortExpression(type, item, alias)), sql`${col(alias, 'id')} ASC`], sql`, `);
}

/**
 * The JSON object for one row of `tree.type`, with populated relations as correlated subqueries, so a
 * whole page with its relations comes back from one statement whatever the page size.
 */
export function rowJson(tree: SelectTree, alias: string, user: AuthUser | null, aliases: Aliases): SQL {
  const pairs: SQL[] = [];
  for (const name of tree.fields)
    pairs.push(sql`${sql.raw(`'${name}'`)}, ${attributeValue(tree.type.attributes[name]!, alias, user)}`);
  for (const [name, node] of Object.entries(tree.populate))
    pairs.push(sql`${sql.raw(`'${name}'`)}, ${relationJson(tree.type, name, node, alias, user, aliases)}`);
  // json_build_object keeps key order (jsonb would sort them) but takes at most 100 arguments.
  if (pairs.length > 50) throw new Error(`${tree.type.name} has more than 50 fields and relations`);
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

function relationJson(
  type: ContentType,
  name: string,
  node: PopulateNode,
  alias: string,
  user: AuthUser | null,
  aliases: Aliases,
): SQL {
  const relation = type.relations[name]!;
  const target = aliases.next();
  const source = relationSource(relation, alias, target, user);
  const where = allOf([
    source.where,
    node.filters ? compileFilter(node.type, node.filters, target, user, aliases) : undefined,
  ])!;
  const row = rowJson(node, target, user, aliases);
  if (!relation.many) return sql`(SELECT ${row} FROM ${source.from} WHERE ${where} LIMIT 1)`;
  const link = relation.link;
  const defaultOrder =
    !node.sort.length && link.kind === 'joinTable' && link.orderColumn
      ? sql`${col(`${target}_j`, link.orderColumn)} ASC, `
      : sql``;
  return sql`coalesce((SELECT json_agg(${row} ORDER BY ${defaultOrder}${orderBy(node.type, node.sort, target)}) FROM ${source.from} WHERE ${where}), '[]'::json)`;
}
