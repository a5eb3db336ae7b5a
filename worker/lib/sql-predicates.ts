import { sql, type SQL } from 'drizzle-orm';

/** The conjunction of the predicates that are present; undefined when none is (no restriction). */
export function allOf(parts: (SQL | undefined)[]): SQL | undefined {
  const present = parts.filter((p): p is SQL => p !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0] : sql`(${sql.join(present, sql` AND `)})`;
}

/** The disjunction of the predicates that are present; false when none is (nothing may be seen). */
export function anyOf(parts: (SQL | undefined)[]): SQL {
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? sql`(${sql.join(present, sql` OR `)})` : sql`false`;
}
