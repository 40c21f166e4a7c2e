// Per-request DataLoaders: every entity reference and every list-in-list field goes through one
// of these, so the SQL statements per operation do not grow with the number of rows.
import DataLoader from 'dataloader';

/** Loads one row per key in one batch; a key with no row loads as undefined. */
export function loaderByKey<Key extends string | number, Row>(
  loadMany: (keys: Key[]) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row | undefined> {
  return new DataLoader(async (keys) => {
    const rows = new Map((await loadMany([...keys])).map((row) => [keyOf(row), row]));
    return keys.map((key) => rows.get(key));
  });
}

/** Loads all rows of each key in one batch, in the order the query returns them. */
export function loaderOfGroups<Key extends string | number, Row>(
  loadMany: (keys: Key[]) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
): DataLoader<Key, Row[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<Key, Row[]>(keys.map((key) => [key, []]));
    for (const row of await loadMany([...keys])) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
