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

const STEPS: Record<string, (index: number, count: number) => number> = {
  ArrowUp: (index) => index - 1,
  ArrowDown: (index) => index + 1,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * Where a key pressed on a reorder handle sends the entry at `index` of `count`: Up/Down one place,
 * Home/End to either end, kept within the list (the same place at an edge); null for any other key.
 */
export function keyTarget(key: string, index: number, count: number): number | null {
  const step = STEPS[key];
  return step ? Math.max(0, Math.min(count - 1, step(index, count))) : null;
}
