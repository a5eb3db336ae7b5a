/** Attributes every document has and no request writes (the identity `id` is never insertable anyway). */
const SERVER_OWNED = ['documentId', 'createdAt', 'updatedAt'] as const;

/**
 * The mask of columns a request may NOT write: the server-owned ones, the type's private columns
 * (contract/documents.ts: foreign keys, written through relations, and bookkeeping) and any the server
 * sets itself. Omitting it from drizzle-zod's schema of the table leaves exactly the writable
 * attributes, with the table's own types, lengths and integer ranges.
 */
export function notWritable<const K extends string>(...lists: readonly (readonly K[])[]) {
  const names = [...SERVER_OWNED, ...lists.flat()];
  return Object.fromEntries(names.map((name) => [name, true])) as Record<K | (typeof SERVER_OWNED)[number], true>;
}
