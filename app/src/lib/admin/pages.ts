import type { Pagination } from '$contract/wire';

/** How many pages a list answer has (Strapi's page/pageSize pagination, or start/limit). */
export function pageCount(pagination: Pagination): number {
  if ('pageCount' in pagination && pagination.pageCount !== undefined) return pagination.pageCount;
  const size = 'pageSize' in pagination ? pagination.pageSize : pagination.limit;
  return Math.max(1, Math.ceil((pagination.total ?? 0) / Math.max(1, size)));
}
