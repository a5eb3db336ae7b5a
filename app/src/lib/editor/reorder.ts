/** `items` with the one at `from` moved to `to` (both clamped to the list); a new array. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** The `order` each lesson must get to sort as listed, for those whose stored order (`saved`) differs. */
export function orderChanges(
  ids: readonly string[],
  saved: ReadonlyMap<string, number>,
): { documentId: string; order: number }[] {
  return ids.flatMap((documentId, order) => (saved.get(documentId) === order ? [] : [{ documentId, order }]));
}
