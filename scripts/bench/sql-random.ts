// Deterministic "random" values computed in SQL: hash(stream, row key) → [0, 1). The same streams give the
// same rows on every run, whatever plan Postgres picks.

/** SQL text of a uniform [0, 1) draw for `key` (an SQL text expression) in the stream `stream`. */
export const r = (stream: string, key: string) =>
  `((('x' || substr(md5('${stream}:' || ${key}), 1, 8))::bit(32)::bigint)::float8 / 4294967296.0)`;
/** 24 characters of [a-z0-9], a letter first, like newDocumentId(). */
export const docId = (stream: string, key: string) => `('b' || substr(md5('${stream}:doc:' || ${key}), 1, 23))`;
export const pick = (values: readonly string[], draw: string) =>
  `(ARRAY[${values.map((v) => `'${v}'`).join(',')}])[1 + floor(${draw} * ${values.length})::int]`;
