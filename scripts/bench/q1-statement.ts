import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { contentType } from '../../worker/content/registry';
import { parseListQuery, parseQueryString } from '../../worker/query/parse-query';
import { findMany } from '../../worker/query/run-query';

/** Q1 of runtime-facts.md as the worker asks it: published Quran courses, instructor populated, page of 20. */
export const Q1_QUERY_STRING =
  'filters[category][$eq]=quran&filters[isPublished][$eq]=true&populate[instructor]=*' +
  '&pagination[page]=1&pagination[pageSize]=20&sort[0]=createdAt:desc';

/** The SQL and parameters the worker's query engine sends for Q1 to an anonymous visitor. */
export async function q1Statement(): Promise<{ text: string; params: unknown[] }> {
  const dialect = new PgDialect();
  let captured: { sql: string; params: unknown[] } | undefined;
  const recorder = {
    execute: async (statement: SQL) => {
      captured = dialect.sqlToQuery(statement);
      return { rows: [] };
    },
  } as unknown as Database;
  const type = contentType('courses');
  await findMany(recorder, parseListQuery(type, parseQueryString(Q1_QUERY_STRING), null), null);
  if (!captured) throw new Error('the query engine sent no statement for Q1');
  return { text: captured.sql, params: captured.params };
}
