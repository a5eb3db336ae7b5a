import { contentType } from '../../worker/content/registry';
import { parseListQuery, parseQueryString } from '../../worker/query/parse-query';
import { compileFindMany } from '../../worker/query/run-query';

/** Q1 of runtime-facts.md as the worker asks it: published Quran courses, instructor populated, page of 20. */
export const Q1_QUERY_STRING =
  'filters[category][$eq]=quran&filters[isPublished][$eq]=true&populate[instructor]=*' +
  '&pagination[page]=1&pagination[pageSize]=20&sort[0]=createdAt:desc';

/** The SQL and parameters the worker's query engine sends for Q1 to an anonymous visitor. */
export async function q1Statement(): Promise<{ text: string; params: unknown[] }> {
  return compileFindMany(parseListQuery(contentType('courses'), parseQueryString(Q1_QUERY_STRING), null), null)
    .statement;
}
