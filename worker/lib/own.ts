/**
 * A record's entry for a name that came from a request, only when the record itself holds it: `toString`,
 * `constructor` and the like sit on Object.prototype and would otherwise be "found" in every record.
 */
export function own<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
