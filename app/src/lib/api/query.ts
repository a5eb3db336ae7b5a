/** A Strapi query: nested objects and arrays become bracket keys, as the `qs` package writes them. */
export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };

/**
 * `{ filters: { category: { $eq: 'quran' } }, sort: ['createdAt:desc'] }` ->
 * `filters[category][$eq]=quran&sort[0]=createdAt:desc`. Undefined values are left out. A few lines
 * instead of `qs` (about 10 KB), since the app only ever encodes.
 */
export function toQueryString(query: Record<string, QueryValue>): string {
  const parts: string[] = [];
  const walk = (key: string, value: QueryValue): void => {
    if (value === undefined) return;
    if (value === null) parts.push(`${encodeKey(key)}=`);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(`${key}[${i}]`, v));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    else parts.push(`${encodeKey(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(query)) walk(key, value);
  return parts.join('&');
}

// Brackets and operators ($eq) stay readable in URLs and logs; qs decodes them either way.
const encodeKey = (key: string) =>
  encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%24/g, '$');
