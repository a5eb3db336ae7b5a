import { sql, type SQL } from 'drizzle-orm';

/**
 * The name a learner is shown by to others: the first word of their full name, else their username.
 * Many learners are children, so a surname (which says which family, and often where) is never shown.
 * Computed in SQL, so the full name does not even reach the worker on these paths.
 */
export function firstNameSql(profileAlias: string, userAlias: string): SQL {
  const profile = sql.raw(`"${profileAlias}"`);
  const user = sql.raw(`"${userAlias}"`);
  return sql`coalesce(substring(${profile}.full_name from '[^[:space:]]+'), ${user}.username)`;
}
