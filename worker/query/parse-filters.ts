import type { AuthUser } from '../env';
import { CONTENT_TYPES } from '../content/registry';
import type { Attribute, ContentType } from '../content/types';
import { OPERATORS, type FilterNode, type Operator } from './ast';
import { invalidQuery } from './query-error';
import { isReadable, mayTraverse } from '../content/readable';

type Path = (string | number)[];
const MAX_DEPTH = 6;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** qs gives arrays for a[0]=x and objects for a[20]=x (past its array limit); both mean a list. */
function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).every((k) => /^\d+$/.test(k))) return Object.values(value);
  return [value];
}

/** Parses Strapi's `filters` object for one content type, validating every key, operator and value. */
export function parseFilters(
  type: ContentType,
  raw: unknown,
  user: AuthUser | null,
  path: Path = ['filters'],
  depth = 0,
): FilterNode {
  if (depth > MAX_DEPTH) throw invalidQuery(path, 'filters are nested too deeply');
  if (!isPlainObject(raw)) throw invalidQuery(path, 'expected an object of fields and operators');
  const items: FilterNode[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const at = [...path, key];
    if (key === '$and' || key === '$or') {
      const children = asList(value).map((child, i) => parseFilters(type, child, user, [...at, i], depth + 1));
      items.push({ kind: key === '$and' ? 'and' : 'or', items: children });
    } else if (key === '$not') {
      items.push({ kind: 'not', item: parseFilters(type, value, user, at, depth + 1) });
    } else if (key in type.attributes && isReadable(type.attributes[key]!, user)) {
      items.push(parseAttributeFilter(key, type.attributes[key]!, value, at));
    } else if (key in type.relations && mayTraverse(type.relations[key]!, user)) {
      items.push(parseRelationFilter(type, key, value, user, at, depth));
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
  user: AuthUser | null,
  at: Path,
  depth: number,
): FilterNode {
  const relation = type.relations[key]!;
  const target = CONTENT_TYPES[relation.target]!;
  if (isPlainObject(value) && Object.keys(value).length === 1 && ('$null' in value || '$notNull' in value)) {
    const flag = parseBoolean(value.$null ?? value.$notNull, [...at, '$null' in value ? '$null' : '$notNull']);
    return { kind: 'relationNull', relation: key, isNull: '$null' in value ? flag : !flag };
  }
  // filters[course]=12 is shorthand for the related id.
  const inner = isPlainObject(value) ? value : { id: { $eq: value } };
  return { kind: 'relation', relation: key, filter: parseFilters(target, inner, user, at, depth + 1) };
}

function parseAttributeFilter(name: string, attribute: Attribute, value: unknown, at: Path): FilterNode {
  if (!isPlainObject(value) || Array.isArray(value)) {
    if (Array.isArray(value)) return condition(name, attribute, '$in', value, at);
    return condition(name, attribute, '$eq', value, at);
  }
  const items: FilterNode[] = [];
  for (const [op, operand] of Object.entries(value)) {
    if (op === '$not') {
      items.push({ kind: 'not', item: parseAttributeFilter(name, attribute, operand, [...at, op]) });
    } else if (op === '$or' || op === '$and') {
      const children = asList(operand).map((child, i) => parseAttributeFilter(name, attribute, child, [...at, op, i]));
      items.push({ kind: op === '$or' ? 'or' : 'and', items: children });
    } else if ((OPERATORS as readonly string[]).includes(op)) {
      items.push(condition(name, attribute, op as Operator, operand, [...at, op]));
    } else {
      throw invalidQuery([...at, op], `unknown operator "${op}"; use one of ${OPERATORS.join(' ')}`);
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

function condition(name: string, attribute: Attribute, operator: Operator, operand: unknown, at: Path): FilterNode {
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
    if (list.length > 500) throw invalidQuery(at, 'at most 500 values');
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
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalidQuery(at, 'expected a single value');
}

export function parseBoolean(value: unknown, at: Path): boolean {
  if (value === true || value === 'true' || value === '1' || value === 1) return true;
  if (value === false || value === 'false' || value === '0' || value === 0) return false;
  throw invalidQuery(at, 'expected true or false');
}

/** Values arrive as strings from the query string; each reaches SQL as a bound parameter of the right type. */
export function coerce(attribute: Attribute, value: unknown, at: Path): string | number | boolean {
  const text = scalarText(value, at);
  switch (attribute.type) {
    case 'integer':
      if (!/^-?\d{1,15}$/.test(text)) throw invalidQuery(at, 'expected an integer');
      return Number(text);
    case 'number':
      if (text.trim() === '' || !Number.isFinite(Number(text))) throw invalidQuery(at, 'expected a number');
      return Number(text);
    case 'boolean':
      return parseBoolean(text, at);
    case 'datetime': {
      const time = Date.parse(text);
      if (Number.isNaN(time)) throw invalidQuery(at, 'expected a date-time such as 2026-01-31T12:00:00Z');
      return new Date(time).toISOString();
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw invalidQuery(at, 'expected a date such as 2026-01-31');
      return text;
    case 'enum':
      if (!attribute.enum!.includes(text)) throw invalidQuery(at, `expected one of ${attribute.enum!.join(', ')}`);
      return text;
    default:
      return text;
  }
}
