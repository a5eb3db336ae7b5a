/** `items` with the one at `from` moved to `to` (both clamped to the list); a new array. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const target = Math.max(0, Math.min(next.length - 1, to));
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** The `order` each item must get so that they sort as listed: only those whose order changes. */
export function orderChanges<T extends { documentId: string; order: number }>(
  items: readonly T[],
): { documentId: string; order: number }[] {
  return items.flatMap((item, index) => (item.order === index ? [] : [{ documentId: item.documentId, order: index }]));
}
