import type { AuthUser } from '../env';
import { CONTENT_TYPES } from '../content/registry';
import type { Attribute, ContentType } from '../content/types';
import { own } from '../lib/own';
import {
  describeRange,
  INT4,
  inRange,
  isCalendarDate,
  isStorableDate,
  isStorableText,
  MAX_YEAR,
  MIN_YEAR,
  STORABLE_TEXT_MESSAGE,
} from '../lib/postgres-values';
import { OPERATORS, type FilterNode, type Operator } from './ast';
import { limitExceeded, QUERY_LIMITS, QueryBudget } from './limits';
import { invalidQuery } from './query-error';
import { isReadable, mayTraverse } from '../content/readable';

type Path = (string | number)[];

/** Where a filter sits: who reads, what the request has used, and how deep this node is. */
interface FilterContext {
  user: AuthUser | null;
  budget: QueryBudget;
  /** Relations crossed from the filter's root to here. */
  hops: number;
  /** $and, $or and $not around this node. */
  nesting: number;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** qs gives arrays for a[0]=x and objects for a[20]=x (past its array limit); both mean a list. */
function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).every((k) => /^\d+$/.test(k))) return Object.values(value);
  return [value];
}

/** The items of an $and or $or, within the branches limit. */
function branches(value: unknown, at: Path): unknown[] {
  const list = asList(value);
  if (list.length > QUERY_LIMITS.branches)
    throw limitExceeded(at, 'branches', `at most ${QUERY_LIMITS.branches} items in one $and or $or`);
  return list;
}

function nested(context: FilterContext, at: Path): FilterContext {
  if (context.nesting + 1 > QUERY_LIMITS.nesting)
    throw limitExceeded(at, 'nesting', `$and, $or and $not may be nested ${QUERY_LIMITS.nesting} deep at most`);
  return { ...context, nesting: context.nesting + 1 };
}

/**
 * Parses Strapi's `filters` object for one content type, validating every key, operator and value
 * against the registry and the query limits (`budget` is shared by every filter of one request).
 */
export function parseFilters(
  type: ContentType,
  raw: unknown,
  user: AuthUser | null,
  budget: QueryBudget,
  path: Path = ['filters'],
): FilterNode {
  return parseNode(type, raw, { user, budget, hops: 0, nesting: 0 }, path);
}

function parseNode(type: ContentType, raw: unknown, context: FilterContext, path: Path): FilterNode {
  if (!isPlainObject(raw)) throw invalidQuery(path, 'expected an object of fields and operators');
  const items: FilterNode[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const at = [...path, key];
    const attribute = own(type.attributes, key);
    const relation = own(type.relations, key);
    if (key === '$and' || key === '$or') {
      const inner = nested(context, at);
      const children = branches(value, at).map((child, i) => parseNode(type, child, inner, [...at, i]));
      items.push({ kind: key === '$and' ? 'and' : 'or', items: children });
    } else if (key === '$not') {
      items.push({ kind: 'not', item: parseNode(type, value, nested(context, at), at) });
    } else if (attribute && isReadable(attribute, context.user)) {
      items.push(parseAttributeFilter(key, attribute, value, context, at));
    } else if (relation && mayTraverse(relation, context.user)) {
      items.push(parseRelationFilter(type, key, value, context, at));
    } else {
      throw invalidQuery(at, `"${key}" is not a field or relation of ${type.name}`);
    }
  }
  return items.length === 1 ? items[0]! : { kind: 'and', items };
}

function parseRelationFilter(
  type: ContentType,
  key: string,
  value: unknown,
  context: FilterContext,
  at: Path,
): FilterNode {
  const relation = type.relations[key]!;
  if (context.hops + 1 > QUERY_LIMITS.relationHops)
    throw limitExceeded(at, 'relationHops', `a filter may cross ${QUERY_LIMITS.relationHops} relations at most`);
  if (relation.many && context.hops > 0)
    throw limitExceeded(
      at,
      'toManyHops',
      `"${key}" is a to-many relation: a filter may cross one, and only as its first relation`,
    );
  const target = CONTENT_TYPES[relation.target]!;
  const inner = { ...context, hops: context.hops + 1 };
  if (isPlainObject(value) && Object.keys(value).length === 1 && ('$null' in value || '$notNull' in value)) {
    const operator = '$null' in value ? '$null' : '$notNull';
    const flag = parseBoolean(value[operator], [...at, operator]);
    context.budget.condition(at);
    return { kind: 'relationNull', relation: key, isNull: operator === '$null' ? flag : !flag };
  }
  // filters[course]=12 is shorthand for the related id.
  const filter = isPlainObject(value) ? value : { id: { $eq: value } };
  return { kind: 'relation', relation: key, filter: parseNode(target, filter, inner, at) };
}

function parseAttributeFilter(
  name: string,
  attribute: Attribute,
  value: unknown,
  context: FilterContext,
  at: Path,
): FilterNode {
  if (!isPlainObject(value)) {
    if (Array.isArray(value)) return condition(name, attribute, '$in', value, context, at);
    return condition(name, attribute, '$eq', value, context, at);
  }
  const items: FilterNode[] = [];
  for (const [op, operand] of Object.entries(value)) {
    const here = [...at, op];
    if (op === '$not') {
      items.push({ kind: 'not', item: parseAttributeFilter(name, attribute, operand, nested(context, here), here) });
    } else if (op === '$or' || op === '$and') {
      const inner = nested(context, here);
      const children = branches(operand, here).map((child, i) =>
        parseAttributeFilter(name, attribute, child, inner, [...here, i]),
      );
      items.push({ kind: op === '$or' ? 'or' : 'and', items: children });
    } else if ((OPERATORS as readonly string[]).includes(op)) {
      items.push(condition(name, attribute, op as Operator, operand, context, here));
    } else {
      throw invalidQuery(here, `unknown operator "${op}"; use one of ${OPERATORS.join(' ')}`);
    }
  }
  if (items.length === 0) throw invalidQuery(at, 'expected an operator');
  return items.length === 1 ? items[0]! : { kind: 'and', items };
}

const STRING_OPERATORS = new Set<Operator>([
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);

function condition(
  name: string,
  attribute: Attribute,
  operator: Operator,
  operand: unknown,
  context: FilterContext,
  at: Path,
): FilterNode {
  context.budget.condition(at, attribute, operator);
  if (operator === '$null' || operator === '$notNull') {
    return { kind: 'condition', attribute: name, operator, value: parseBoolean(operand, at) };
  }
  if (attribute.type === 'json') {
    if (operator !== '$contains' && operator !== '$notContains')
      throw invalidQuery(at, `${name} is a JSON field: only $contains, $notContains, $null and $notNull apply`);
    return { kind: 'condition', attribute: name, operator, value: scalarText(operand, at) };
  }
  if (operator === '$in' || operator === '$notIn') {
    const list = asList(operand).flatMap((v) =>
      typeof v === 'string' && v.includes(',') && attribute.type !== 'string' && attribute.type !== 'text'
        ? v.split(',')
        : [v],
    );
    if (list.length > QUERY_LIMITS.listValues)
      throw limitExceeded(at, 'listValues', `at most ${QUERY_LIMITS.listValues} values in one ${operator}`);
    return {
      kind: 'condition',
      attribute: name,
      operator,
      value: list.map((v, i) => coerce(attribute, v, [...at, i])),
    };
  }
  if (operator === '$between') {
    const list = asList(operand);
    if (list.length !== 2) throw invalidQuery(at, '$between takes exactly two values');
    return {
      kind: 'condition',
      attribute: name,
      operator,
      value: list.map((v, i) => coerce(attribute, v, [...at, i])),
    };
  }
  if (STRING_OPERATORS.has(operator))
    return { kind: 'condition', attribute: name, operator, value: scalarText(operand, at) };
  if ((operator === '$eq' || operator === '$ne') && operand === null)
    return { kind: 'condition', attribute: name, operator: operator === '$eq' ? '$null' : '$notNull', value: true };
  return { kind: 'condition', attribute: name, operator, value: coerce(attribute, operand, at) };
}

function scalarText(value: unknown, at: Path): string {
  const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
  if (typeof text !== 'string') throw invalidQuery(at, 'expected a single value');
  if (!isStorableText(text)) throw invalidQuery(at, STORABLE_TEXT_MESSAGE);
  return text;
}

export function parseBoolean(value: unknown, at: Path): boolean {
  if (value === true || value === 'true' || value === '1' || value === 1) return true;
  if (value === false || value === 'false' || value === '0' || value === 0) return false;
  throw invalidQuery(at, 'expected true or false');
}

/**
 * Values arrive as strings from the query string; each reaches SQL as a bound parameter of the right
 * type, and within what its column holds, so the database never refuses one (SQLSTATE class 22).
 */
export function coerce(attribute: Attribute, value: unknown, at: Path): string | number | boolean {
  const text = scalarText(value, at);
  switch (attribute.type) {
    case 'integer': {
      const range = attribute.range ?? INT4;
      if (!/^-?\d+$/.test(text) || !inRange(Number(text), range))
        throw invalidQuery(at, `expected ${describeRange(range)}`);
      return Number(text);
    }
    case 'number': {
      const number = text.trim() === '' ? NaN : Number(text);
      if (!Number.isFinite(number)) throw invalidQuery(at, 'expected a number');
      if (attribute.range && !inRange(number, attribute.range))
        throw invalidQuery(at, `expected ${describeRange(attribute.range)}`);
      return number;
    }
    case 'boolean':
      return parseBoolean(text, at);
    case 'datetime': {
      const time = new Date(Date.parse(text));
      if (!isStorableDate(time))
        throw invalidQuery(
          at,
          `expected a date-time such as 2026-01-31T12:00:00Z, in the years ${MIN_YEAR} to ${MAX_YEAR}`,
        );
      return time.toISOString();
    }
    case 'date':
      if (!isCalendarDate(text))
        throw invalidQuery(at, `expected a date such as 2026-01-31, in the years ${MIN_YEAR} to ${MAX_YEAR}`);
      return text;
    case 'enum':
      if (!attribute.enum!.includes(text)) throw invalidQuery(at, `expected one of ${attribute.enum!.join(', ')}`);
      return text;
    default:
      return text;
  }
}
