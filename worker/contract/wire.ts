/**
 * How the API's answers look on the wire. The worker's services return these types and the app reads
 * them, so a change on one side is a type error on the other. This folder holds types and request
 * schemas only: the app imports it type-only, so nothing here reaches the browser's bundle.
 */

/** A value after JSON.stringify: dates become ISO 8601 strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type Pagination =
  | { page: number; pageSize: number; pageCount?: number; total?: number }
  | { start: number; limit: number; total?: number };

/** Strapi v5's list answer. */
export interface ListAnswer<T> {
  data: T[];
  meta: { pagination: Pagination };
}

/** Strapi v5's single-document answer. */
export interface DocumentAnswer<T, Meta = Record<string, never>> {
  data: T;
  meta: Meta;
}

/** Strapi v5's error envelope: every failure, whatever its status. */
export interface ErrorAnswer {
  data: null;
  error: {
    status: number;
    name: string;
    message: string;
    details: { errors?: { path: (string | number)[]; message: string; name?: string }[] } & Record<string, unknown>;
  };
}
