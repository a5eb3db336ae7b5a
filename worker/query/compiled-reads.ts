import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { AuthUser } from '../env';

/** A statement as it goes over the wire: its text and its parameters, already in driver form. */
export interface CompiledStatement {
  text: string;
  params: unknown[];
}

// Stateless apart from a cache of names: one per isolate.
const dialect = new PgDialect();

export function compileStatement(statement: SQL): CompiledStatement {
  const { sql, params } = dialect.sqlToQuery(statement);
  return { text: sql, params };
}

/**
 * Content reads compiled once per isolate: a phone asks the same few URLs again and again (its home, the
 * catalogue, a course), and parsing the Strapi query, planning it and having drizzle render the SQL took a
 * third of the worker's CPU per read (a CPU profile of the courses list under `npm run bench`). What the
 * SQL depends on is all in the key: the content type and route, the query string, and the viewer (the
 * statement carries the viewer's id and the visibility of their role). Nothing time-dependent is compiled
 * into it; a query that fails to parse is never kept, so a bad one fails every time.
 */
export class CompiledReads<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly capacity = 256) {}

  static key(route: string, search: string, user: AuthUser | null): string {
    return `${route}\u0000${user ? `${user.id}:${user.role}` : '-'}\u0000${search}`;
  }

  get(key: string, compile: () => T): T {
    const found = this.entries.get(key);
    if (found !== undefined) {
      // Most recently used last: the oldest entry is the first one a full cache drops.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const compiled = compile();
    this.entries.set(key, compiled);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return compiled;
  }

  get size(): number {
    return this.entries.size;
  }
}
