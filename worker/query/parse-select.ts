import type { AuthUser } from '../env';
import { CONTENT_TYPES } from '../content/registry';
import type { ContentType } from '../content/types';
import { own } from '../lib/own';
import type { PopulateNode, SelectTree, SortItem } from './ast';
import { limitExceeded, QUERY_LIMITS, type QueryBudget } from './limits';
import { parseBoolean, parseFilters } from './parse-filters';
import { invalidQuery } from './query-error';
import { isReadable, mayTraverse } from '../content/readable';

type Path = (string | number)[];

/** Who reads, what the request has used of its limits, and where a populate sits. */
interface PopulateContext {
  user: AuthUser | null;
  budget: QueryBudget;
  depth: number;
  /** A to-many relation is populated above this level. */
  underToMany: boolean;
}
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function listOfStrings(value: unknown, at: Path): string[] {
  const items = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : [value];
  return items.flatMap((item, i) => {
    if (typeof item !== 'string') throw invalidQuery([...at, i], 'expected a name');
    return item
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  });
}

/** `fields=title,category` or `fields[0]=title`: id and documentId are always returned. */
export function parseFields(type: ContentType, raw: unknown, user: AuthUser | null, at: Path): string[] {
  const readable = Object.keys(type.attributes).filter((name) => isReadable(type.attributes[name]!, user));
  if (raw === undefined || raw === '*') return readable;
  const names = listOfStrings(raw, at);
  for (const name of names) {
    if (!readable.includes(name)) throw invalidQuery(at, `"${name}" is not a field of ${type.name}`);
  }
  return [...new Set(['id', 'documentId', ...names])];
}

/** `sort=title`, `sort=title:desc,createdAt`, `sort[0]=instructor.name:asc`, `sort[title]=desc`, `sort[0][title]=asc`. */
export function parseSort(type: ContentType, raw: unknown, user: AuthUser | null, at: Path): SortItem[] {
  if (raw === undefined) return [];
  const entries: [string, string][] = [];
  const collect = (value: unknown, path: Path): void => {
    if (typeof value === 'string') {
      for (const part of value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const [field, direction = 'asc'] = part.split(':');
        entries.push([field!, direction]);
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => collect(v, [...path, i]));
    } else if (isPlainObject(value)) {
      for (const [key, v] of Object.entries(value)) {
        if (/^\d+$/.test(key)) collect(v, [...path, key]);
        else if (typeof v === 'string') entries.push([key, v]);
        else if (isPlainObject(v))
          for (const [inner, dir] of Object.entries(v)) {
            if (typeof dir !== 'string') throw invalidQuery([...path, key, inner], 'expected asc or desc');
            entries.push([`${key}.${inner}`, dir]);
          }
        else throw invalidQuery([...path, key], 'expected asc or desc');
      }
    } else {
      throw invalidQuery(path, 'expected field:asc or field:desc');
    }
  };
  collect(raw, at);
  if (entries.length > QUERY_LIMITS.sortFields)
    throw limitExceeded(at, 'sortFields', `at most ${QUERY_LIMITS.sortFields} fields in one sort`);
  return entries.map(([field, direction]) => {
    const dir = direction.toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw invalidQuery(at, `sort direction for ${field} must be asc or desc`);
    const [first, second, ...rest] = field.split('.');
    if (rest.length) throw invalidQuery(at, `cannot sort on ${field}: only one relation deep`);
    if (second === undefined) {
      const attribute = own(type.attributes, first!);
      if (!attribute || !isReadable(attribute, user))
        throw invalidQuery(at, `"${first}" is not a field of ${type.name}`);
      if (attribute.type === 'json') throw invalidQuery(at, `cannot sort on the JSON field ${first}`);
      return { attribute: first!, direction: dir };
    }
    const relation = own(type.relations, first!);
    if (!relation || relation.many || !mayTraverse(relation, user))
      throw invalidQuery(at, `"${first}" is not a to-one relation of ${type.name}`);
    const target = CONTENT_TYPES[relation.target]!;
    const attribute = own(target.attributes, second);
    if (!attribute || !isReadable(attribute, user) || attribute.type === 'json')
      throw invalidQuery(at, `"${second}" is not a sortable field of ${target.name}`);
    return { relation: first!, attribute: second, direction: dir };
  });
}

const POPULATE_KEYS = new Set(['fields', 'filters', 'sort', 'populate', 'on', 'count']);

/**
 * `populate=*`, `populate=a,b`, `populate[0]=a.b`, `populate[a]=*|true`, and
 * `populate[a][fields|filters|sort|populate]=…`. With `*`, relations the viewer may not read, and
 * to-many relations under a to-many one (populateToMany), are left out; naming one is an error.
 */
function parsePopulate(
  type: ContentType,
  raw: unknown,
  context: PopulateContext,
  at: Path,
): Record<string, PopulateNode> {
  if (raw === undefined || raw === '' || raw === false || raw === 'false') return {};
  if (context.depth >= QUERY_LIMITS.populateDepth)
    throw limitExceeded(at, 'populateDepth', `populate may go ${QUERY_LIMITS.populateDepth} levels deep at most`);
  const result: Record<string, PopulateNode> = {};
  const add = (name: string, spec: unknown, path: Path) => {
    const relation = own(type.relations, name);
    if (!relation || !mayTraverse(relation, context.user))
      throw invalidQuery(path, `"${name}" is not a relation of ${type.name}`);
    if (relation.many && context.underToMany)
      throw limitExceeded(
        path,
        'populateToMany',
        `"${name}" is a to-many relation under another one: populate it from its own parent`,
      );
    context.budget.populate(path);
    const inner = { ...context, depth: context.depth + 1, underToMany: context.underToMany || relation.many };
    result[name] = populateNode(CONTENT_TYPES[relation.target]!, spec, inner, path);
  };
  if (raw === '*' || raw === true || raw === 'true') {
    // Like relations the viewer may not read, to-many relations under a to-many one are left out of `*`.
    for (const [name, relation] of Object.entries(type.relations)) {
      if (mayTraverse(relation, context.user) && !(relation.many && context.underToMany))
        add(name, true, [...at, name]);
    }
    return result;
  }
  if (
    typeof raw === 'string' ||
    Array.isArray(raw) ||
    (isPlainObject(raw) && Object.keys(raw).every((k) => /^\d+$/.test(k)))
  ) {
    for (const entry of listOfStrings(raw, at)) {
      // Dotted paths populate through relations: lessons.quiz.
      const [head, ...tail] = entry.split('.');
      const nested = tail.length ? { populate: tail.join('.') } : true;
      const existing = own(result, head!);
      if (existing && tail.length) {
        const relation = type.relations[head!]!;
        const inner = { ...context, depth: context.depth + 1, underToMany: context.underToMany || relation.many };
        Object.assign(existing.populate, parsePopulate(existing.type, tail.join('.'), inner, [...at, head!]));
      } else {
        add(head!, nested, [...at, head!]);
      }
    }
    return result;
  }
  if (!isPlainObject(raw)) throw invalidQuery(at, 'expected *, a list of relations or an object');
  for (const [name, spec] of Object.entries(raw)) {
    if (spec === false || spec === 'false') continue;
    add(name, spec, [...at, name]);
  }
  return result;
}

function populateNode(type: ContentType, spec: unknown, context: PopulateContext, at: Path): PopulateNode {
  const { user, budget } = context;
  const node: PopulateNode = { type, fields: parseFields(type, undefined, user, at), populate: {}, sort: [] };
  if (spec === true || spec === '*' || spec === 'true') return node;
  if (typeof spec === 'string') {
    parseBoolean(spec, at);
    return node;
  }
  if (!isPlainObject(spec)) throw invalidQuery(at, 'expected *, true or an object');
  for (const key of Object.keys(spec)) {
    if (!POPULATE_KEYS.has(key))
      throw invalidQuery([...at, key], `unknown populate option "${key}"; use fields, filters, sort or populate`);
  }
  if (spec.fields !== undefined) node.fields = parseFields(type, spec.fields, user, [...at, 'fields']);
  if (spec.filters !== undefined) node.filters = parseFilters(type, spec.filters, user, budget, [...at, 'filters']);
  if (spec.sort !== undefined) node.sort = parseSort(type, spec.sort, user, [...at, 'sort']);
  if (spec.populate !== undefined) node.populate = parsePopulate(type, spec.populate, context, [...at, 'populate']);
  return node;
}

export function parseSelect(
  type: ContentType,
  query: Record<string, unknown>,
  user: AuthUser | null,
  budget: QueryBudget,
): SelectTree {
  return {
    type,
    fields: parseFields(type, query.fields, user, ['fields']),
    populate: parsePopulate(type, query.populate, { user, budget, depth: 0, underToMany: false }, ['populate']),
  };
}
