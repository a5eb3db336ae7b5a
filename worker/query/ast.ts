import type { ContentType } from '../content/types';

export const OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$null',
  '$notNull',
  '$between',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** A validated filter tree: values are already coerced to their attribute's type. */
export type FilterNode =
  | { kind: 'and'; items: FilterNode[] }
  | { kind: 'or'; items: FilterNode[] }
  | { kind: 'not'; item: FilterNode }
  | { kind: 'condition'; attribute: string; operator: Operator; value: unknown }
  | { kind: 'relation'; relation: string; filter: FilterNode }
  | { kind: 'relationNull'; relation: string; isNull: boolean };

export interface SortItem {
  /** A to-one relation to sort through (instructor.name), or undefined for the type's own attribute. */
  relation?: string;
  attribute: string;
  direction: 'asc' | 'desc';
}

export interface SelectTree {
  type: ContentType;
  /** Attribute names to return; id and documentId are always included. */
  fields: string[];
  populate: Record<string, PopulateNode>;
}

export interface PopulateNode extends SelectTree {
  filters?: FilterNode;
  sort: SortItem[];
}

export type Pagination =
  | { mode: 'page'; page: number; pageSize: number; withCount: boolean }
  | { mode: 'offset'; start: number; limit: number; withCount: boolean };

export interface ListQuery {
  select: SelectTree;
  filters?: FilterNode;
  sort: SortItem[];
  pagination: Pagination;
  status?: 'draft' | 'published';
}
